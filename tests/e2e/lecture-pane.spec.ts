// The lecture pane at 1280×800: the note editor is in view without scrolling even under lecture
// 368's long summary; the summary folds away and stays folded; Edit/Preview say which is active;
// a timestamp can be played while editing; Preview keeps single newlines. Also the statistics
// view's minutes per day, from the player's history.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './harness';
import { course, firstSaveOnDisk, openLecture } from './ui';

const ML_EN = /^ML 2021 \(English version\)/;
const VIDEO_368 = 'CB0a3aBwND8';

async function open368(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await course(page, ML_EN).click();
  await openLecture(page, 368);
}

/** The part of `box` inside the window, so "in view" means every edge is on screen. */
async function inViewport(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} has no box`);
  const vp = page.viewportSize()!;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

test('at 1280×800 the note editor is in view under a long summary, and the summary folds', async ({ app, page }) => {
  void app;
  await open368(page);
  const summary = page.getByTestId('summary');
  await expect(summary.locator('h3').first()).toBeVisible();
  // The summary really is long: taller than the window on its own.
  expect((await summary.boundingBox())!.height).toBeGreaterThan(800);
  expect(await inViewport(page, 'note-editor')).toBe(true);
  await expect(page.getByRole('textbox', { name: 'Note (Markdown)' })).toBeInViewport({ ratio: 1 });
  // Nothing scrolled to get here: neither the page nor the pane.
  expect(await page.evaluate(() => [window.scrollY, document.querySelector('.detail')!.scrollTop])).toEqual([0, 0]);

  const toggle = page.getByTestId('summary-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(summary).toHaveCount(0);
  // Folded stays folded on the next lecture.
  await openLecture(page, 369);
  await expect(page.getByTestId('summary-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('summary-toggle').click();
  await expect(page.getByTestId('summary-toggle')).toHaveAttribute('aria-expanded', 'true');
});

test('Edit and Preview show which is active; Preview keeps single newlines', async ({ app, page }) => {
  void app;
  await open368(page);
  const editor = page.getByTestId('note-editor');
  const edit = editor.getByRole('button', { name: 'Edit', exact: true });
  const preview = editor.getByRole('button', { name: 'Preview', exact: true });
  await expect(edit).toHaveAttribute('aria-pressed', 'true');
  await expect(preview).toHaveAttribute('aria-pressed', 'false');
  const bg = (l: typeof edit) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  // The active one looks different, not only reads different.
  expect(await bg(edit)).not.toBe(await bg(preview));

  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('first line\nsecond line');
  await preview.click();
  await expect(preview).toHaveAttribute('aria-pressed', 'true');
  await expect(edit).toHaveAttribute('aria-pressed', 'false');
  const shown = page.getByTestId('note-preview');
  await expect(shown.locator('p br')).toHaveCount(1);
  expect(await shown.locator('p').innerText()).toBe('first line\nsecond line');
});

test.describe('with the player', () => {
  test.use({ embed: 'stand-in' });

  test('a timestamp in the note seeks the player while editing', async ({ app, page }) => {
    void app;
    await open368(page);
    await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready');
    const frame = page.frames().find((f) => f.url().startsWith(`https://www.youtube-nocookie.com/embed/${VIDEO_368}?`)) as Frame;
    const text = page.getByRole('textbox', { name: 'Note (Markdown)' });
    await text.fill('pruning at [12:34]\nagain 12:34, and 1:02:03');
    const stamps = page.getByTestId('note-stamps').getByRole('button');
    // Each time once, as written.
    await expect(stamps).toHaveText(['12:34', '1:02:03']);
    await stamps.filter({ hasText: '12:34' }).click();
    // Still editing: the textarea is there, and the player was told to seek.
    await expect(text).toBeVisible();
    const seeks = () =>
      frame.evaluate(() =>
        (window as unknown as { standIn: { commands: [string, ...unknown[]][] } }).standIn.commands.filter(([f]) => f === 'seekTo'),
      );
    await expect.poll(seeks).toEqual([['seekTo', 754, true]]);
  });
});

test("statistics show minutes per day from the player's history", async ({ app, page }) => {
  // A mark through the page so the data file exists, then a player history written into it.
  await expect(page.getByTestId('lecture-row').first()).toBeVisible();
  await page.getByTestId('lecture-row').first().getByTestId('watched-toggle').click();
  await expect(page.getByTestId('overall-progress')).toHaveText(/^1\//);
  await firstSaveOnDisk(app.dataDir);
  await app.stop();
  const file = join(app.dataDir, 'lecture-companion.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const day = (daysAgo: number) => {
    const d = new Date();
    d.setHours(12, 0, 0, 0);
    d.setDate(d.getDate() - daysAgo);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  // Today 30.5 minutes over two lectures; two days ago 2 minutes; 40 days ago is outside the bars.
  data.watchTime = {
    [day(0)]: { [VIDEO_368]: 1500, aaaaaaaaaaa: 330 },
    [day(2)]: { [VIDEO_368]: 120 },
    [day(40)]: { [VIDEO_368]: 6000 },
  };
  writeFileSync(file, JSON.stringify(data));
  await app.restart();

  await page.getByTestId('stats-view-toggle').click();
  const bars = page.locator('[data-testid=stats-minutes] rect');
  await expect(bars).toHaveCount(30);
  await expect(bars.last()).toHaveAttribute('data-minutes', '31');
  await expect(bars.nth(27)).toHaveAttribute('data-minutes', '2');
  await expect(page.getByTestId('stats-minutes-total')).toHaveText('33 minutes in these 30 days');
});
