// The study desk by keyboard and in the student's language: the whole path with no mouse, the
// language switch (and that it is remembered), the 800 px layout with the course drawer, the
// statistics from a seeded history, and the corrupt-file notice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { firstSaveOnDisk, row } from './ui';

const DATA_FILE = 'lecture-companion.json';
const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('the whole keyboard path: open, mark, next, note, search — no mouse', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  // The list has focus on open.
  await expect.poll(() => focusedTestId(page)).toBe('playlist');

  // Open the highlighted lecture and mark it watched.
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lecture-title')).toBeVisible();
  const first = await page.getByTestId('lecture-title').textContent();
  await page.keyboard.press('w');
  await expect(page.getByTestId('detail-watched')).toBeChecked();

  // Next up opens another lecture.
  await page.keyboard.press('n');
  await expect(page.getByTestId('lecture-title')).not.toHaveText(first ?? '');

  // `e` goes to the note; type, and Ctrl+S saves.
  await page.keyboard.press('e');
  await expect.poll(() => focusedTestId(page)).toBe('note-editor');
  await page.keyboard.type('keyboard only note');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('note-status')).toHaveAttribute('data-status', 'saved');

  // Search from inside the note with Ctrl+K, open the hit with Enter.
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('search-palette')).toBeVisible();
  await page.keyboard.type('keyboard only');
  // The hit for the whole query, not one for the first letters typed (results follow the typing).
  await expect(page.getByTestId('search-result').first()).toContainText('keyboard only note');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-palette')).toHaveCount(0);
  await expect(page.getByTestId('note-editor').getByRole('textbox')).toHaveValue('keyboard only note');

  // The help lists the keys from the one table, the new views among them.
  await page.getByTestId('playlist').focus();
  await page.keyboard.press('?');
  const help = page.getByTestId('keyboard-help');
  for (const what of [
    'Show or hide statistics',
    'Show or hide settings',
    'Write in the open lecture’s note',
    'Open the Data menu (export, backups)',
  ]) {
    await expect(help).toContainText(what);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  // Every view is a key away.
  await page.keyboard.press('4');
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await page.keyboard.press('3');
  await expect(page.getByTestId('stats-view')).toBeVisible();
  await page.keyboard.press('1');
  await expect(page.getByTestId('playlist')).toBeVisible();
  await page.keyboard.press('d');
  const menu = page.getByTestId('data-menu');
  await expect(menu).toBeVisible();
  await expect.poll(() => focusedTestId(page)).toBe('data-menu');
  // The native popover: End and the arrows move, Esc closes it and gives focus to its button.
  await page.keyboard.press('End');
  await expect(menu.getByRole('button', { name: 'Restore from automatic backup…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('button', { name: "Export this lecture's notes" })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('data-menu-toggle')).toBeFocused();
  // A click elsewhere closes it too (light dismiss).
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.getByTestId('playlist-heading').click();
  await expect(menu).toBeHidden();
});

test('switching the language changes the UI and <html lang>, and is remembered', async ({ app, page }) => {
  await expect(page.getByTestId('next-up')).toHaveText('Next up');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('playlist').focus();
  await page.keyboard.press('4');
  await page.getByTestId('settings-language').selectOption('zh-TW');
  await expect(page.getByTestId('next-up')).toHaveText('下一部');
  await expect(page.getByTestId('settings-view').getByRole('heading', { level: 2 })).toHaveText('設定');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');

  await app.restart();
  await expect(page.getByTestId('next-up')).toHaveText('下一部');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(page.getByTestId('playlist-heading')).toBeVisible();
  // Chinese content stays marked as Traditional Chinese.
  await expect(page.locator('.course-title[lang="zh-Hant"]').first()).toBeVisible();

  // Back to following the browser's locale (English here).
  await page.getByTestId('playlist').focus();
  await page.keyboard.press(',');
  await page.getByTestId('settings-language').selectOption('');
  await expect(page.getByTestId('next-up')).toHaveText('Next up');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('a browser set to Traditional Chinese', () => {
  test.use({ locale: 'zh-TW' });
  test('starts in zh-TW with no setting made', async ({ app, page }) => {
    void app;
    await expect(page.getByTestId('next-up')).toHaveText('下一部');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
  });
});

test('the theme setting pins light or dark and is remembered', async ({ app, page }) => {
  await page.getByTestId('settings-view-toggle').click();
  await page.getByTestId('settings-theme-dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.restart();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await bg()).toBe('rgb(24, 24, 27)');
  // Light pinned wins over a dark OS; System follows it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('settings-view-toggle').click();
  await page.getByTestId('settings-theme-light').check();
  await expect.poll(bg).toBe('rgb(247, 247, 245)');
  await page.getByTestId('settings-theme-system').check();
  await expect.poll(bg).toBe('rgb(24, 24, 27)');
});

test('at 800×600 nothing scrolls sideways and the course list is a drawer', async ({ app, page }) => {
  void app;
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  expect(await noHorizontalScroll(page)).toBe(true);
  await expect(page.getByTestId('course-item').first()).toBeHidden();

  // Open with the key: focus goes into the drawer; Esc closes it and gives focus back.
  await page.getByTestId('playlist').focus();
  await page.keyboard.press('b');
  await expect(page.getByTestId('course-item').first()).toBeVisible();
  await expect(page.getByTestId('drawer-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.sidebar'))).toBe(true);
  // A modal drawer: Tab and Shift+Tab go round inside it, never to the page behind (between the
  // last control and the first, the browser's own UI may hold focus: the page shows body then).
  expect(await page.getByTestId('drawer').evaluate((d) => d.matches('dialog:modal'))).toBe(true);
  const inDrawer = () =>
    page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest('[data-testid=drawer]'));
  for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(4).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await inDrawer(), key).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('course-item').first()).toBeHidden();
  await expect.poll(() => focusedTestId(page)).toBe('playlist');

  // Picking a course in the drawer closes it and shows that course's lectures.
  await page.getByTestId('drawer-toggle').click();
  const second = page.getByTestId('course-item').nth(1);
  const title = (await second.locator('.course-title').textContent())?.trim() ?? '';
  await second.click();
  await expect(page.getByTestId('course-item').first()).toBeHidden();
  await expect(page.getByTestId('playlist-heading')).toHaveText(title);

  // A lecture open, and each view, still fit.
  await row(page, Number(await page.getByTestId('lecture-row').first().getAttribute('data-index')))
    .locator('.row-title')
    .click();
  await expect(page.getByTestId('lecture-title')).toBeVisible();
  expect(await noHorizontalScroll(page)).toBe(true);
  for (const view of ['stats-view-toggle', 'settings-view-toggle', 'notes-view-toggle']) {
    await page.getByTestId(view).click();
    expect(await noHorizontalScroll(page), view).toBe(true);
  }
  // In Chinese too (longer labels in the top bar).
  await page.getByTestId('settings-view-toggle').click();
  await page.getByTestId('settings-language').selectOption('zh-TW');
  await expect(page.getByTestId('next-up')).toHaveText('下一部');
  expect(await noHorizontalScroll(page)).toBe(true);
});

test('statistics from a seeded watched history', async ({ app, page }) => {
  // One mark through the page so the data file exists, then a history written into it.
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  const ids = await page.getByTestId('lecture-row').evaluateAll((els) => els.slice(0, 8).map((e) => (e as HTMLElement).dataset.videoId!));
  await page.getByTestId('lecture-row').first().getByTestId('watched-toggle').click();
  await expect(page.getByTestId('overall-progress')).toHaveText(/^1\//);
  await firstSaveOnDisk(app.dataDir);
  await app.stop();

  const file = join(app.dataDir, DATA_FILE);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const now = new Date();
  const dayAt = (daysAgo: number, hour: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hour, 0).getTime();
  // Today 2 (plus none more), yesterday 1, the day before 1: a 3-day streak. Then a 4-day run 20 days ago.
  const times = [dayAt(0, 0), dayAt(0, 0) + 60_000, dayAt(1, 9), dayAt(2, 9), dayAt(20, 9), dayAt(21, 9), dayAt(22, 9), dayAt(23, 9)];
  data.watched = Object.fromEntries(ids.map((id, i) => [id, { at: times[i] }]));
  delete data.unwatched[ids[0]!];
  data.prefs.dailyGoal = 3;
  writeFileSync(file, JSON.stringify(data));
  await app.restart();

  await page.getByTestId('playlist').focus();
  await page.keyboard.press('3');
  const stats = page.getByTestId('stats-view');
  await expect(stats).toBeVisible();
  await expect(page.getByTestId('stats-watched')).toHaveText(/^8 \/ /);
  await expect(page.getByTestId('stats-current-streak')).toHaveText('3 days');
  await expect(page.getByTestId('stats-longest-streak')).toHaveText('4 days');
  await expect(page.getByTestId('stats-today')).toHaveText('2 of 3 today');
  const todayKey = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.locator(`[data-testid=stats-heatmap] rect[data-day="${todayKey}"]`)).toHaveAttribute('data-count', '2');
  const heatTotal = await page
    .locator('[data-testid=stats-heatmap] rect[data-day]')
    .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
  expect(heatTotal).toBe(8);
  const bars = await page
    .locator('[data-testid=stats-per-day] rect')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(bars).toHaveLength(30);
  expect(bars.slice(-3)).toEqual([1, 1, 2]);
  // Completion per course: the course holding those lectures shows its share.
  await expect(page.locator('[data-testid=stats-per-course] g[data-share]').first()).toBeVisible();
});

test('a corrupt data file: plain words, where the original is, no restore without a backup, dismissable', async ({ app, page }) => {
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  await page.getByTestId('lecture-row').first().getByTestId('watched-toggle').click();
  await expect(page.getByTestId('overall-progress')).toHaveText(/^1\//);
  await app.stop();
  writeFileSync(join(app.dataDir, DATA_FILE), '{"truncated');
  await app.restart();

  const notice = page.getByTestId('recovery-notice');
  await expect(notice).toContainText('could not be read');
  await expect(notice).not.toContainText('JSON');
  await expect(notice).not.toContainText('Unterminated');
  await expect(page.getByTestId('recovery-kept')).toContainText(app.dataDir);
  // The first start had no file to back up, so there is no backup: none is offered, and it says
  // what to do instead (data.spec.ts has the case with a backup, where the button restores it).
  await expect(notice).toContainText('There is no automatic backup to restore');
  await expect(notice.getByRole('button', { name: 'Restore newest backup' })).toHaveCount(0);
  await expect(notice).not.toContainText('Backups');

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // Stays dismissed for this event after a reload.
  await page.reload();
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  await expect(page.getByTestId('recovery-notice')).toHaveCount(0);
});
