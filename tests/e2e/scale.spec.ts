// 10,000 lectures: the playlist stays virtual (a few dozen rows in the DOM), the end of
// the list is reachable by key and by scrolling, and the keyboard keeps up.
import { test, expect } from './harness';
import { generatedCatalogPath } from '../../bench/generate';
import { rowIndexes } from './ui';

const COUNT = 10_000;
test.use({ catalogs: [generatedCatalogPath(COUNT)] });

async function uploadOrder(page: import('@playwright/test').Page) {
  // The 10,000-entry catalog is parsed before the first paint: the longest wait in the suite,
  // so a longer hang guard than the default.
  await expect(page.getByTestId('course-item').first()).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('upload-order-toggle').check();
  await expect(page.getByTestId('playlist')).toHaveAttribute('aria-label', /upload order/i);
}

/** The list in upload order, focused, after pressing `key` (End or Home). */
async function listAfter(page: import('@playwright/test').Page, key: string) {
  await uploadOrder(page);
  const list = page.getByTestId('playlist');
  await list.focus();
  await page.keyboard.press(key);
  return list;
}

test('10,000 lectures keep fewer than 200 rows in the DOM, and hundreds of courses a few dozen', async ({ app, page }) => {
  void app;
  await uploadOrder(page);
  await expect(page.getByTestId('overall-progress')).toHaveText(`0/${COUNT}`);
  const rows = await page.getByTestId('lecture-row').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(200);
  expect(await page.locator('[data-testid=playlist] [data-testid=lecture-row]').count()).toBe(rows);
  // Assistive technology still hears the whole list: each row says where it sits in 10,000.
  const first = page.getByTestId('lecture-row').first();
  await expect(first).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(first).toHaveAttribute('aria-posinset', '1');
  // The sidebar is virtual too: its groups' progress still counts every course.
  const courses = await page.getByTestId('course-item').count();
  expect(courses).toBeGreaterThan(3);
  expect(courses).toBeLessThan(100);
  const totals = await page.getByTestId('group-progress').allTextContents();
  expect(totals.length).toBeGreaterThan(0);
});

test('End reaches the last lecture and Enter opens it', async ({ app, page }) => {
  void app;
  const list = await listAfter(page, 'End');
  const last = page.locator(`[data-testid=lecture-row][data-index="${COUNT}"]`);
  await expect(last).toBeVisible();
  await expect(list).toHaveAttribute('aria-activedescendant', `row-${await last.getAttribute('data-video-id')}`);
  await page.keyboard.press('Enter');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  const title = (await last.locator('.row-title').textContent())!.trim();
  await expect(page.getByTestId('lecture-title')).toHaveText(title);
  expect(await page.getByTestId('lecture-row').count()).toBeLessThan(200);

  // Up twice and Enter opens the third from the end; Home goes back to the top.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid=lecture-row][data-index="${COUNT - 2}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid=lecture-row][data-index="1"]')).toBeVisible();
});

test('scrolling to the bottom and clicking the last row opens it', async ({ app, page }) => {
  void app;
  await uploadOrder(page);
  const list = page.getByTestId('playlist');
  // Scroll like a wheel would, in steps: virtua re-renders as the offset changes.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator(`[data-testid=lecture-row][data-index="${COUNT}"]`);
  // Each poll scrolls to the current bottom and looks once: no inner time limit that a slow
  // machine could miss, only the assertion's hang guard.
  await expect
    .poll(async () => {
      await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
      return last.isVisible();
    })
    .toBe(true);
  await last.locator('.row-title').click();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('lecture-title')).toHaveText((await last.locator('.row-title').textContent())!.trim());
  const shown = await rowIndexes(page);
  expect(Math.max(...shown)).toBe(COUNT);
  expect(shown.length).toBeLessThan(200);
});

test('keyboard moves the selection through a big list and keeps it in view', async ({ app, page }) => {
  void app;
  await listAfter(page, 'Home');
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const cursor = page.locator('[data-testid=lecture-row][data-index="41"]');
  await expect(cursor).toBeInViewport();
  await expect(cursor).toHaveClass(/active/);
  // w marks the cursor row watched without opening it.
  await page.keyboard.press('w');
  await expect(cursor.getByTestId('watched-toggle')).toBeChecked();
  await expect(page.getByTestId('overall-progress')).toHaveText(`1/${COUNT}`);
  for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
  await expect(page.locator('[data-testid=lecture-row][data-index="91"]')).toBeInViewport();
});
