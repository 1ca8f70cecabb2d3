// Notes as a student writes them: Chinese and English, saved without a save button,
// timestamps that seek the video, and the notes list.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness';
import { course, openLecture, row } from './ui';

const ML_EN = /^ML 2021 \(English version\)/;
const WATCH_754 = 'https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s';

/** Lecture 368's note editor, open and focused for typing. */
async function editNote368(page: import('@playwright/test').Page) {
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  const editor = page.getByTestId('note-editor');
  const text = editor.getByRole('textbox', { name: 'Note (Markdown)' });
  await text.click();
  return { editor, text };
}

test('a note in Chinese and English saves itself, survives a reload, and its timestamp seeks the video', async ({ app, page }) => {
  const { editor } = await editNote368(page);
  await page.keyboard.type('Pruning works, see 12:34 ');
  // CJK arrives as committed IME text.
  await page.keyboard.insertText('剪枝之後要重新訓練');
  await expect(editor.getByTestId('note-status')).toHaveText(/^Saved \d\d:\d\d$/);
  await expect(row(page, 368).getByTestId('note-marker')).toBeVisible();
  await expect(row(page, 369).getByTestId('note-marker')).toHaveCount(0);

  await page.reload();
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  await expect(page.getByTestId('note-editor').getByRole('textbox', { name: 'Note (Markdown)' })).toHaveValue(
    'Pruning works, see 12:34 剪枝之後要重新訓練',
  );

  await page.getByTestId('note-editor').getByRole('button', { name: 'Preview' }).click();
  const stamp = page.getByTestId('note-preview').getByRole('link', { name: '12:34' });
  await expect(stamp).toHaveAttribute('href', WATCH_754);
  await stamp.click();
  await expect.poll(() => app.opened()).toEqual([WATCH_754]);
  // The app window stayed where it was.
  await expect(page.getByTestId('lecture-title')).toContainText('Network Compression (1/2)');
});

test('Ctrl+Shift+T inserts a timestamp at the cursor', async ({ app, page }) => {
  void app;
  const { editor, text } = await editNote368(page);
  await page.keyboard.type('pruning ');
  await page.keyboard.press('Control+Shift+T');
  const prompt = editor.getByRole('textbox', { name: 'Timestamp' });
  await expect(prompt).toHaveValue('00:00');
  await prompt.fill('1:02:03');
  await prompt.press('Enter');
  await expect(text).toHaveValue('pruning [1:02:03]');
  await expect(text).toBeFocused();
  await page.keyboard.type(' done');
  await expect(text).toHaveValue('pruning [1:02:03] done');
  await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
});

test('the notes view lists lectures with notes, newest edit first, and opens them', async ({ app, page }) => {
  void app;
  await page.getByTestId('notes-view-toggle').click();
  await expect(page.getByText('No notes yet — open a lecture and start typing.')).toBeVisible();
  await page.getByTestId('notes-view-toggle').click();

  await course(page, ML_EN).click();
  for (const [index, note] of [
    [368, 'first note about pruning'],
    [369, '第二個筆記 about quantization'],
  ] as const) {
    await openLecture(page, index);
    const editor = page.getByTestId('note-editor');
    await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(note);
    await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
  }

  await page.getByTestId('notes-view-toggle').click();
  const items = page.getByTestId('notes-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Network Compression (2/2)');
  await expect(items.nth(0)).toContainText('第二個筆記');
  await expect(items.nth(0)).toContainText('just now');
  await expect(items.nth(1)).toContainText('Network Compression (1/2)');
  await items.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lecture-title')).toContainText('Network Compression (1/2)');
  await expect(page.getByTestId('note-editor').getByRole('textbox', { name: 'Note (Markdown)' })).toHaveValue('first note about pruning');
});

test('data from a newer version opens read-only: the note shows but cannot change, and nothing is written', async ({ app, page }) => {
  await app.stop();
  const file = join(app.dataDir, 'lecture-companion.json');
  const future = JSON.stringify({
    schemaVersion: 99,
    watched: { CB0a3aBwND8: 1 },
    notes: { CB0a3aBwND8: { text: 'written by a later version', updatedAt: 1 } },
  });
  writeFileSync(file, future);
  await app.restart();

  await expect(page.getByTestId('readonly-notice')).toContainText('newer version');
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  const editor = page.getByTestId('note-editor');
  const text = editor.getByRole('textbox', { name: 'Note (Markdown)' });
  await expect(text).toHaveValue('written by a later version');
  await expect(text).not.toBeEditable();
  await expect(editor.getByTestId('note-readonly')).toContainText('Read-only: this data was written by a newer version');
  await text.click();
  await page.keyboard.type('more');
  await expect(text).toHaveValue('written by a later version');

  const box = row(page, 368).getByTestId('watched-toggle');
  await expect(box).toBeChecked();
  await expect(box).toBeDisabled();
  await expect(page.getByTestId('move-lecture')).toBeDisabled();
  await page.getByTestId('next-up').click(); // reading on is still fine: the course's first unwatched
  await expect(row(page, 351)).toHaveAttribute('aria-selected', 'true');
  expect(readFileSync(file, 'utf8')).toBe(future);
});
