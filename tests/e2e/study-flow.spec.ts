// A student's session: next up through a course, corrections to the grouping, and progress
// that follows the lectures when they move.
import { test, expect } from './harness';
import { course, openLecture, progressOf, row, rowIndexes } from './ui';

const ML_EN = /^ML 2021 \(English version\)/;
const ML_2021 = /^機器學習\s*2021/;
const OTHER = /^Other videos/i;

test('next up walks the course in course order, then moves on to the next course', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('course-item')).toHaveCount(5);
  await page.getByTestId('next-up').click();
  await expect(row(page, 351)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('lecture-title')).toContainText('Lecture 27');

  // Mark the whole first course watched with the keyboard: w on the cursor row, then j.
  const list = page.getByTestId('playlist');
  await list.focus();
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('w');
    await page.keyboard.press('j');
  }
  await expect(progressOf(course(page, ML_EN))).toHaveText('9/9');
  await expect(page.getByTestId('overall-progress')).toHaveText('9/50');

  // The first course is done: `n` goes to the first lecture of the next course.
  await page.locator('body').press('n');
  await expect(page.getByTestId('playlist-heading')).toHaveText(ML_2021);
  await expect(row(page, 353)).toHaveAttribute('aria-selected', 'true');

  // Course order, not upload order: after 358 comes 364.
  await openLecture(page, 358);
  for (const i of [353, 354, 355, 356, 357, 358]) await row(page, i).getByTestId('watched-toggle').click();
  await expect(progressOf(course(page, ML_2021))).toHaveText('6/10');
  await page.getByTestId('next-up').click();
  await expect(row(page, 364)).toHaveAttribute('aria-selected', 'true');
});

test('in upload order, next up continues the course of the lecture opened last', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('course-item')).toHaveCount(5);
  await page.getByTestId('upload-order-toggle').click();
  await expect.poll(async () => (await rowIndexes(page)).slice(0, 3)).toEqual([351, 352, 353]);

  // 356 belongs to 機器學習2021: opening it makes that the course being studied.
  await openLecture(page, 356);
  await expect(course(page, ML_2021)).toHaveAttribute('aria-current', 'true');
  await page.locator('body').press('n');
  // Its first unwatched lecture in course order, not the first course's (351).
  await expect(row(page, 353)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('lecture-title')).toContainText('Actor-Critic');
  expect((await rowIndexes(page)).slice(0, 3)).toEqual([351, 352, 353]); // still upload order
});

test('move a lecture to a new course, rename it, then reset the corrections', async ({ app, page }) => {
  await course(page, OTHER).click();
  await openLecture(page, 370);
  await row(page, 370).getByTestId('watched-toggle').click();
  await expect(progressOf(course(page, OTHER))).toHaveText('1/5');

  await page.getByTestId('move-lecture').click();
  const dialog = page.getByTestId('move-dialog');
  await dialog.getByTestId('move-new-title').fill('My extras');
  await dialog.getByTestId('move-submit').click();
  await expect(dialog).toHaveCount(0);

  const extras = course(page, /^My extras/);
  await expect(extras).toHaveCount(1);
  await expect(progressOf(extras)).toHaveText('1/1');
  await expect(progressOf(course(page, OTHER))).toHaveText('0/4');
  await expect(page.getByTestId('playlist-heading')).toHaveText('My extras');
  expect(await rowIndexes(page)).toEqual([370]);

  // Rename the new course from the sidebar.
  await extras.click();
  await page.getByTestId('rename-course').click();
  await page.getByTestId('rename-input').fill('Side talks');
  await page.getByTestId('rename-submit').click();
  await expect(course(page, /^Side talks/)).toHaveCount(1);
  await expect(course(page, /^My extras/)).toHaveCount(0);

  // Corrections are stored: they survive a restart.
  await app.restart();
  await expect(course(page, /^Side talks/)).toHaveCount(1);
  await expect(progressOf(course(page, OTHER))).toHaveText('0/4');

  // Move another lecture into the existing corrected course.
  await course(page, OTHER).click();
  await openLecture(page, 371);
  await page.getByTestId('move-lecture').click();
  await page.getByTestId('move-dialog').getByTestId('move-course-select').selectOption({ label: 'Side talks' });
  await page.getByTestId('move-submit').click();
  await expect(progressOf(course(page, /^Side talks/))).toHaveText('1/2');

  // Reset asks first; cancelling changes nothing.
  await page.getByTestId('reset-corrections').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(course(page, /^Side talks/)).toHaveCount(1);

  await page.getByTestId('reset-corrections').click();
  await page.getByTestId('confirm-ok').click();
  await expect(course(page, /^Side talks/)).toHaveCount(0);
  await expect(page.getByTestId('course-item')).toHaveCount(5);
  // Watched marks are kept; the lectures are back where the catalog put them.
  await expect(progressOf(course(page, OTHER))).toHaveText('1/5');
  await course(page, OTHER).click();
  expect(await rowIndexes(page)).toEqual([370, 371, 385, 386, 387]);
});

test('rename an original course; the new title shows and stays', async ({ app, page }) => {
  await course(page, ML_EN).click();
  await page.getByTestId('rename-course').click();
  await page.getByTestId('rename-input').fill('Machine Learning 2021 (EN)');
  await page.getByTestId('rename-submit').click();
  await expect(page.getByTestId('playlist-heading')).toHaveText('Machine Learning 2021 (EN)');
  await app.restart();
  await expect(page.getByTestId('course-item').first()).toContainText('Machine Learning 2021 (EN)');
});

test('newest-first lists the courses in reverse, and the other helpers stay reachable', async ({ app, page }) => {
  void app;
  const first = () => page.getByTestId('course-item').first().locator('.course-title');
  await expect(first()).toHaveText(ML_EN);
  await page.getByTestId('newest-first-toggle').check();
  await expect(first()).not.toHaveText(ML_EN);
  await page.getByTestId('newest-first-toggle').uncheck();
  await expect(first()).toHaveText(ML_EN);

  // `?` shows the shortcuts; Escape closes them.
  await page.locator('body').press('?');
  await expect(page.getByTestId('keyboard-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('keyboard-help')).toHaveCount(0);
});
