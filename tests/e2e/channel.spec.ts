// The whole channel (the nine real catalog pages, 448 videos) in Chromium: courses grouped by
// year and kind with a filter, several lectures selected and moved or marked in one step, and
// the 中文版 / English version link with its one-key jump and linked watched marks (a setting).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { course, findCourse, findGroup, groupLabels, openLecture, progressOf, row, rowIndexes } from './ui';

const CHANNEL = join(import.meta.dirname, '../../../shared/fixtures/channel');
test.use({
  catalogs: readdirSync(CHANNEL)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(CHANNEL, f)),
});

const group = (page: Page, label: string) => page.getByTestId('course-group').filter({ hasText: label });
const ML21_ZH = /^機器學習2021/;
const ML21_EN = /^ML 2021 \(English version\)/;

async function loaded(page: Page) {
  // Nine pages are parsed before the first paint: a hang guard, not a speed limit.
  await expect(page.getByTestId('course-item').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('overall-progress')).toHaveText('0/448');
}

test('courses come grouped by year and kind, collapsible, and the filter finds one among 35', async ({ app, page }) => {
  void app;
  await loaded(page);
  await expect(page.getByTestId('course-list')).toHaveAttribute('data-courses', '35');
  const labels = await groupLabels(page);
  expect(labels).toEqual(
    expect.arrayContaining(['2018 · Courses', '2018 · TA supplements', '2020 · Conferences & talks', '2021 · Courses', 'Other videos']),
  );
  await expect((await findGroup(page, '2021 · Courses')).getByTestId('group-progress')).toHaveText('0/76');
  await findGroup(page, '2018 · Courses');

  // Collapse 2018's courses: Linear Algebra leaves the list; expand again: it is back.
  await expect(course(page, /^Linear Algebra/)).toHaveCount(1);
  await group(page, '2018 · Courses').click();
  await expect(group(page, '2018 · Courses')).toHaveAttribute('aria-expanded', 'false');
  await expect(course(page, /^Linear Algebra/)).toHaveCount(0);
  await group(page, '2018 · Courses').click();
  await expect(course(page, /^Linear Algebra/)).toHaveCount(1);

  // The filter keeps matching courses only (their group opens), and says when none match.
  await page.getByTestId('course-filter').fill('linear algebra');
  await expect(page.getByTestId('course-item')).toHaveCount(1);
  await course(page, /^Linear Algebra/).click();
  await expect(page.getByTestId('playlist-heading')).toHaveText(/^Linear Algebra/);
  expect(await page.getByTestId('lecture-row').count()).toBeGreaterThan(5);
  await page.getByTestId('course-filter').fill('no such course');
  await expect(page.getByTestId('course-filter-empty')).toBeVisible();
  // Esc in the filter clears it; Down moves into the list, by keyboard alone.
  await page.getByTestId('course-filter').press('Escape');
  await expect(page.getByTestId('course-list')).toHaveAttribute('data-courses', '35');
  await page.getByTestId('course-filter').press('ArrowDown');
  await expect(page.getByTestId('course-group').first()).toBeFocused();
});

test('Shift+click and Ctrl+click select lectures; one step moves them to a new course', async ({ app, page }) => {
  void app;
  await loaded(page);
  await (await findCourse(page, /^Structured Learning/)).click();
  expect(await rowIndexes(page)).toEqual([19, 20, 21, 23]);
  await openLecture(page, 19);
  await row(page, 21).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
  await expect(page.locator('[data-testid=lecture-row][data-picked=true]')).toHaveCount(3);
  await row(page, 20).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('bulk-count')).toHaveText('2 selected');
  await expect(row(page, 20)).toHaveAttribute('data-picked', 'false');

  const moved = page.waitForResponse((r) => r.url().includes('/api/moveLectures'));
  await page.getByTestId('bulk-move').click();
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog).toContainText('2 selected lectures');
  await dialog.getByTestId('move-new-radio').check();
  await dialog.getByTestId('move-new-title').fill('Structured picks');
  await dialog.getByTestId('move-submit').click();
  await expect(dialog).toHaveCount(0);
  // One call moved both.
  expect(JSON.parse((await moved).request().postData()!)).toMatchObject({
    videoIds: [expect.any(String), expect.any(String)],
    newCourseTitle: 'Structured picks',
  });
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  expect(await rowIndexes(page)).toEqual([20, 23]);
  await (await findCourse(page, 'Structured picks')).click();
  expect(await rowIndexes(page)).toEqual([19, 21]);

  // The move is the student's correction: it is still there after a restart.
  await app.restart();
  await loaded(page);
  await (await findCourse(page, 'Structured picks')).click();
  expect(await rowIndexes(page)).toEqual([19, 21]);
});

test('by keyboard: Shift+arrows select, the bulk bar marks them watched or moves them, and each Undo puts them back', async ({
  app,
  page,
}) => {
  void app;
  await loaded(page);
  await (await findCourse(page, /^Structured Learning/)).click();
  const list = page.getByTestId('playlist');
  await list.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');
  // x adds the highlighted row too (after a plain move), Esc clears, Ctrl+A takes every row.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('x');
  await expect(page.getByTestId('bulk-count')).toHaveText('4 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByTestId('bulk-count')).toHaveText('4 selected');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByTestId('bulk-count')).toHaveText('3 selected');

  // Tab reaches the bulk bar from the list.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bulk-move')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bulk-watched')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(progressOf(await findCourse(page, /^Structured Learning/))).toHaveText('3/4');
  await expect(page.getByTestId('bulk-mark-undo')).toContainText('Marked 3 lectures watched');
  await expect(row(page, 23)).not.toHaveClass(/\bwatched\b/);
  await page.getByTestId('bulk-mark-undo-button').click();
  await expect(progressOf(await findCourse(page, /^Structured Learning/))).toHaveText('0/4');
  await page.getByTestId('bulk-clear').click();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  await expect(list).toBeFocused();

  // Move three to a new course by keyboard, then one Undo puts all three back in their places.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bulk-move')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog).toContainText('3 selected lectures');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('move-new-title')).toBeFocused();
  await page.keyboard.type('Sorted by keys');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => rowIndexes(page)).toEqual([23]);
  await expect(course(page, 'Sorted by keys')).toHaveCount(1);
  await expect(page.getByTestId('bulk-move-undo')).toContainText('Moved 3 lectures to Sorted by keys.');
  // The bar (the dialog's opener) is gone: the keyboard is back on the list, and Tab reaches Undo.
  await expect(list).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bulk-move-undo-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bulk-move-undo')).toHaveCount(0);
  await expect.poll(() => rowIndexes(page)).toEqual([19, 20, 21, 23]);
  await expect(course(page, 'Sorted by keys')).toHaveCount(0);
});

test('中文版 / English version: a link and the v key jump between the two, and a setting makes watching one mark both', async ({
  app,
  page,
}) => {
  void app;
  await loaded(page);
  await (await findCourse(page, ML21_EN)).click();
  await openLecture(page, 296);
  await expect(page.getByTestId('lecture-title')).toContainText('Lecture 1: Predicting the views');
  await expect(row(page, 296).getByTestId('version-marker')).toBeVisible();
  const link = page.getByTestId('language-link');
  await expect(link).toHaveText('中文版');
  await link.click();
  await expect(page.getByTestId('lecture-title')).toContainText('預測本頻道觀看人數 (上)');
  await expect(page.getByTestId('playlist-heading')).toHaveText(ML21_ZH);
  await expect(row(page, 294)).toHaveAttribute('aria-selected', 'true');
  await expect(link).toHaveText('English version');

  // v jumps back, from the list as from anywhere outside a text field.
  await page.getByTestId('playlist').focus();
  await page.keyboard.press('v');
  await expect(page.getByTestId('lecture-title')).toContainText('Lecture 1:');
  await expect(page.getByTestId('playlist-heading')).toHaveText(ML21_EN);

  // Off by default: watching the English lecture marks only it.
  await page.getByTestId('detail-watched').check();
  await expect(progressOf(await findCourse(page, ML21_EN))).toHaveText('1/36');
  await expect(progressOf(await findCourse(page, ML21_ZH))).toHaveText('0/40');
  await page.getByTestId('detail-watched').uncheck();
  await expect(progressOf(await findCourse(page, ML21_EN))).toHaveText('0/36');

  // Turned on in Settings (and remembered across a restart), watching one marks both.
  await page.keyboard.press(',');
  const setting = page.getByTestId('settings-linked-watched');
  await expect(setting).not.toBeChecked();
  const saved = page.waitForResponse(
    (r) => r.url().includes('/api/setPrefs') && r.request().postData()?.includes('linkedWatched') === true,
  );
  await setting.check();
  expect((await saved).ok()).toBe(true);
  await app.restart();
  await loaded(page);
  await page.keyboard.press(',');
  await expect(page.getByTestId('settings-linked-watched')).toBeChecked();
  await page.keyboard.press('1');
  await expect(page.getByTestId('lecture-title')).toContainText('Lecture 1:');
  await page.getByTestId('detail-watched').check();
  await expect(progressOf(await findCourse(page, ML21_EN))).toHaveText('1/36');
  await expect(progressOf(await findCourse(page, ML21_ZH))).toHaveText('1/40');
  await expect(page.getByTestId('overall-progress')).toHaveText('2/448');
  await page.getByTestId('detail-watched').uncheck();
  await expect(progressOf(await findCourse(page, ML21_ZH))).toHaveText('0/40');

  // A lecture without a twin shows no link, and v says so instead of jumping.
  await (await findCourse(page, /^Structured Learning/)).click();
  await openLecture(page, 19);
  await expect(link).toHaveCount(0);
  await page.keyboard.press('v');
  await expect(page.getByText('This lecture has no version in the other language.')).toBeVisible();
  await expect(page.getByTestId('lecture-title')).toContainText('Structured Learning 1');
});
