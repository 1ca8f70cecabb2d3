// Getting notes out (Markdown exports) and data back (automatic backups after a corrupt file).
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness';
import { course, openLecture } from './ui';

const ML_EN = /^ML 2021 \(English version\)/;
const NOTE = 'Prune, then retrain. 剪枝 at 12:34 and [1:02:03].';

async function writeNote(page: import('@playwright/test').Page, index: number, text: string) {
  await course(page, ML_EN).click();
  await openLecture(page, index);
  const editor = page.getByTestId('note-editor');
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
  await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
}

/** Clicks an export button and returns each download's suggested name and content. */
async function downloadsOf(page: import('@playwright/test').Page, button: string, count = 1): Promise<{ name: string; text: string }[]> {
  const got: import('@playwright/test').Download[] = [];
  const listener = (d: import('@playwright/test').Download) => void got.push(d);
  page.on('download', listener);
  await page.getByTestId('data-menu').getByRole('button', { name: button }).click();
  await expect.poll(() => got.length).toBe(count);
  page.off('download', listener);
  return Promise.all(got.map(async (d) => ({ name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') })));
}

test('exports are browser downloads, each under its own name, with full YouTube links', async ({ app, page }) => {
  await writeNote(page, 368, NOTE);
  await page.getByTestId('data-menu-toggle').click();
  const [one] = await downloadsOf(page, "Export this lecture's notes");
  expect(one!.name).toMatch(/^368-notes-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.md$/);
  await expect(page.getByTestId('data-menu-result')).toContainText(`Downloaded ${one!.name}`);
  const md = one!.text;
  expect(md).toContain('Network Compression (1/2)');
  expect(md).toContain('ML 2021 (English version)');
  expect(md).toContain('2021-06-14');
  expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8');
  expect(md).toContain('Lottery Hypothesis'); // from the summary
  expect(md).toContain('剪枝');
  expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8&t=754s');
  expect(md).toContain('https://www.youtube.com/watch?v=CB0a3aBwND8&t=3723s');

  await writeNote(page, 369, 'quantization notes 3:05');
  await page.getByTestId('data-menu-toggle').click();
  const [all] = await downloadsOf(page, 'Export all notes (one file)');
  expect(all!.text).toContain('Network Compression (1/2)');
  expect(all!.text).toContain('Network Compression (2/2)');
  expect(all!.text).toContain('&t=185s');

  const perLecture = await downloadsOf(page, 'Export all notes (one file per lecture)', 2);
  await expect(page.getByTestId('data-menu-result')).toContainText('Downloaded 2 files');
  expect(perLecture.map((f) => f.text).join('\n')).toContain('&t=754s');

  const [backup] = await downloadsOf(page, 'Back up all data…');
  expect(backup!.name).toMatch(/^lecture-companion-backup-.*\.json$/);
  expect(JSON.parse(backup!.text).notes.CB0a3aBwND8.text).toContain('剪枝');
  // Nothing was written on the server's side: no file appeared under the data folder.
  expect(readdirSync(app.dataDir).filter((f) => f.endsWith('.md') || f === 'exports')).toEqual([]);
});

test('a corrupt data file is set aside and the newest backup brings the notes back', async ({ app, page }) => {
  await writeNote(page, 368, NOTE);
  // The next start makes the day's automatic backup of the file that now holds the note.
  await app.restart();
  await expect(page.getByTestId('course-item').first()).toBeVisible();

  // Nothing is pending, so the graceful stop inside restart() leaves the corrupt bytes alone.
  const file = join(app.dataDir, 'lecture-companion.json');
  writeFileSync(file, '{"truncated');
  await app.restart();

  const notice = page.getByTestId('recovery-notice').first();
  await expect(notice).toContainText('could not be read');
  const quarantined = readdirSync(app.dataDir).filter((n) => n !== 'lecture-companion.json' && n.includes('lecture-companion'));
  expect(quarantined.some((n) => readFileSync(join(app.dataDir, n), 'utf8') === '{"truncated')).toBe(true);

  await notice.getByRole('button', { name: 'Restore newest backup' }).click();
  await expect(page.getByTestId('recovery-notice')).toHaveCount(0);
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  await expect(page.getByTestId('note-editor').getByRole('textbox', { name: 'Note (Markdown)' })).toHaveValue(NOTE);
});

test('restore from the list of automatic backups asks first', async ({ app, page }) => {
  await writeNote(page, 368, 'kept in the backup');
  await app.restart();
  await writeNote(page, 368, 'typed after the backup');

  await page.getByTestId('data-menu-toggle').click();
  const menu = page.getByTestId('data-menu');
  await menu.getByRole('button', { name: 'Restore from automatic backup…' }).click();
  const item = menu.getByTestId('backup-item').first();
  await expect(item).toContainText('daily');
  await item.getByRole('button', { name: 'Restore…' }).click();
  await item.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByTestId('data-menu-result')).toContainText('Restored the backup from');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('note-editor').getByRole('textbox', { name: 'Note (Markdown)' })).toHaveValue('kept in the backup');
});
