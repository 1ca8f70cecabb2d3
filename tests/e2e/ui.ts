// Small page helpers shared by the renderer's e2e specs: find things by data-testid.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const course = (page: Page, title: RegExp | string) => page.getByTestId('course-item').filter({ hasText: title });
export const row = (page: Page, index: number) => page.locator(`[data-testid=lecture-row][data-index="${index}"]`);
export const rowIndexes = async (page: Page) =>
  await page.getByTestId('lecture-row').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.index)));

/**
 * A course in the sidebar, which is a virtual list: only the courses near its view exist, so
 * scroll it from the top, half a view at a time, until the course is there. The poll is the
 * hang guard; it returns as soon as the course is rendered.
 */
export const findCourse = (page: Page, title: RegExp | string) => findInSidebar(page, course(page, title));

/** A group header of the sidebar, found as findCourse finds a course. */
export const findGroup = (page: Page, label: string) => findInSidebar(page, page.getByTestId('course-group').filter({ hasText: label }));

async function findInSidebar(page: Page, item: Locator): Promise<Locator> {
  const list = page.locator('.course-vlist');
  // Scroll, then let the list render for its new position (two frames) before looking: a
  // course seen in the range the list drew before the scroll may be gone a frame later.
  const scrollBy = (part: number) =>
    list.evaluate(async (el, part) => {
      el.scrollTop = part === 0 ? 0 : el.scrollTop + el.clientHeight * part;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }, part);
  await scrollBy(0);
  await expect
    .poll(async () => {
      const [el] = await item.elementHandles();
      // Into the view itself: a course drawn only in the list's margin may leave it when it re-renders.
      const shown = el
        ? await el.scrollIntoViewIfNeeded().then(
            () => true,
            () => false,
          )
        : false;
      if (shown) return true;
      const atEnd = await list.evaluate((l) => l.scrollTop + l.clientHeight >= l.scrollHeight - 1);
      await scrollBy(atEnd ? 0 : 0.5);
      return false;
    })
    .toBe(true);
  return item;
}

/** Every group label of the virtual sidebar, read while scrolling it from top to bottom. */
export async function groupLabels(page: Page): Promise<string[]> {
  const list = page.locator('.course-vlist');
  const labels = new Set<string>();
  await list.evaluate((el) => (el.scrollTop = 0));
  for (let end = false; !end;) {
    for (const t of await page.getByTestId('course-group').locator('.group-label').allTextContents())
      labels.add(t.replace(/[▾▸]/u, '').trim());
    end = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight / 2;
      return el.scrollTop === before;
    });
    // One frame for virtua to render the new range before reading again.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
  await list.evaluate((el) => (el.scrollTop = 0));
  return [...labels];
}

/** The indexes of the visible rows, in DOM order (virtua renders rows in order). */
export async function courseIndexes(page: Page, title: RegExp | string): Promise<number[]> {
  await (await findCourse(page, title)).click();
  await expect(page.getByTestId('playlist-heading')).toHaveText(title);
  return rowIndexes(page);
}

export async function openLecture(page: Page, index: number): Promise<void> {
  await row(page, index).locator('.row-title').click();
  await expect(row(page, index)).toHaveAttribute('aria-selected', 'true');
}

export const progressOf = (item: Locator) => item.getByTestId('course-progress');

/**
 * Waits for the first save of a fresh data folder to reach the disk: it creates the data file
 * (store/persist.ts). The page shows a mark at once, before the server has it, so a test that
 * stops the server right after a click could stop it before the save arrives.
 */
export const firstSaveOnDisk = (dataDir: string) => expect.poll(() => existsSync(join(dataDir, 'lecture-companion.json'))).toBe(true);
