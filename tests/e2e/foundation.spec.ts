// The seed catalog end to end: grouping and order, summaries, watched progress that
// survives a reload, the YouTube opener, the remembered selection, upload order.
import { test, expect } from './harness';
import { course, courseIndexes, openLecture, progressOf, row, rowIndexes } from './ui';
import { nth } from '../unit/helpers/nth';

const COURSES: [RegExp, number[]][] = [
  [/^ML 2021 \(English version\)/, [351, 352, 362, 361, 363, 360, 359, 368, 369]],
  [/^機器學習\s*2021/, [353, 354, 355, 356, 357, 358, 364, 365, 366, 367]],
  [/^機器學習\s*2022/, [372, 373, 374, 375, 376, 377, 378, 379, 380, 381, 382, 383, 384]],
  [/^生成式\s*AI/, [388, 389, 390, 391, 392, 393, 394, 395, 396, 397, 398, 399, 400]],
  [/^Other videos/i, [370, 371, 385, 386, 387]],
];
const ML_EN = nth(COURSES, 0)[0];

test('courses and their lectures come in course order', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('course-item')).toHaveCount(COURSES.length);
  const titles = await page.getByTestId('course-item').locator('.course-title').allTextContents();
  COURSES.forEach(([title], i) => expect(titles[i]?.trim()).toMatch(title));
  for (const [title, indexes] of COURSES) {
    const heading = page.getByTestId('playlist-heading');
    await course(page, title).click();
    await expect(heading).toHaveText(title);
    expect(await rowIndexes(page)).toEqual(indexes);
    await expect(progressOf(course(page, title))).toHaveText(`0/${indexes.length}`);
  }
  await expect(page.getByTestId('overall-progress')).toHaveText('0/50');
});

test('a summary renders as Markdown; a lecture without one says so', async ({ app, page }) => {
  void app;
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  await expect(page.getByTestId('lecture-title')).toContainText('Network Compression (1/2)');
  const summary = page.getByTestId('summary');
  await expect(summary.locator('h3').first()).toBeVisible();
  expect(await summary.locator('h1, h2, h3, h4, h5, h6').count()).toBeGreaterThan(3);
  // Markdown syntax must not show through as text.
  await expect(summary).not.toContainText('### ');

  await openLecture(page, 360);
  await expect(page.getByTestId('no-summary')).toHaveText('No summary for this lecture yet.');
  await expect(page.getByTestId('summary')).toHaveCount(0);
});

test('watched progress updates at once and survives a reload and a restart', async ({ app, page }) => {
  const item = course(page, ML_EN);
  await item.click();
  await openLecture(page, 360);
  await row(page, 360).getByTestId('watched-toggle').click();
  await expect(progressOf(item)).toHaveText('1/9');
  await expect(page.getByTestId('overall-progress')).toHaveText('1/50');

  await page.reload();
  await expect(progressOf(course(page, ML_EN))).toHaveText('1/9');
  await expect(row(page, 360).getByTestId('watched-toggle')).toBeChecked();
  // The selection is remembered too.
  await expect(page.getByTestId('lecture-title')).toContainText('Lecture 33');

  await app.restart();
  await expect(progressOf(course(page, ML_EN))).toHaveText('1/9');
  await expect(page.getByTestId('overall-progress')).toHaveText('1/50');
  await expect(row(page, 360)).toHaveAttribute('aria-selected', 'true');

  // Unticking brings it back down.
  await row(page, 360).getByTestId('watched-toggle').click();
  await expect(progressOf(course(page, ML_EN))).toHaveText('0/9');
});

test('"Open on YouTube" opens exactly the watch URL in a new tab', async ({ app, page }) => {
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  await page.getByTestId('open-youtube').click();
  await expect.poll(() => app.opened()).toEqual(['https://www.youtube.com/watch?v=CB0a3aBwND8']);
  // The page itself never navigated away.
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
});

test('the last selected lecture is restored after a restart', async ({ app, page }) => {
  const other = nth(COURSES, 4)[0];
  await course(page, other).click();
  await openLecture(page, 386);
  const title = await page.getByTestId('lecture-title').textContent();
  await app.restart();
  await expect(page.getByTestId('lecture-title')).toHaveText(title!);
  await expect(page.getByTestId('playlist-heading')).toHaveText(other);
  await expect(course(page, other)).toHaveAttribute('aria-current', 'true');
});

test('upload order lists every lecture by index, and the choice is kept', async ({ app, page }) => {
  void app;
  await page.getByTestId('upload-order-toggle').check();
  await expect(page.getByTestId('playlist-heading')).toHaveText(/upload order/i);
  const shown = await rowIndexes(page);
  expect(shown.slice(0, 5)).toEqual([351, 352, 353, 354, 355]);
  expect(shown).toEqual([...shown].sort((a, b) => a - b));
  await page.reload();
  await expect(page.getByTestId('upload-order-toggle')).toBeChecked();
  expect((await rowIndexes(page)).slice(0, 3)).toEqual([351, 352, 353]);
  await page.getByTestId('upload-order-toggle').uncheck();
  await expect(page.getByTestId('playlist-heading')).not.toHaveText(/upload order/i);
  const [ml2021, ml2021Indexes] = nth(COURSES, 1);
  expect(await courseIndexes(page, ml2021)).toEqual(ml2021Indexes);
});
