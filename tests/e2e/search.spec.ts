// Finding a lecture from the keyboard: titles, summaries and notes, in Chinese and English.
import { test, expect } from './harness';
import { course, openLecture, row } from './ui';

const ML_EN = /^ML 2021 \(English version\)/;

async function openPalette(page: import('@playwright/test').Page) {
  await page.locator('body').press('/');
  const dialog = page.getByRole('dialog', { name: 'Search lectures' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Search' })).toBeFocused();
  return dialog;
}

/** Once the app shows its courses: the palette open with `query` typed, and its results. */
async function searchFor(page: import('@playwright/test').Page, query: string) {
  await expect(page.getByTestId('course-item').first()).toBeVisible();
  const dialog = await openPalette(page);
  await page.keyboard.insertText(query);
  return { dialog, results: dialog.getByTestId('search-result') };
}

test('/ opens the palette; 注意力 finds title and summary matches; Enter opens; Esc closes', async ({ app, page }) => {
  void app;
  const found = await searchFor(page, '注意力');
  let dialog = found.dialog;
  const results = found.results;
  // Lecture 376's title has 自注意力; lecture 396's summary mentions 注意力層.
  const titleHit = results.filter({ hasText: '自注意力機制' });
  await expect(titleHit).toHaveCount(1);
  await expect(titleHit.locator('[data-field="title"]').first()).toBeVisible();
  const summaryHit = results.filter({ has: page.locator('.search-result-snippet[data-field="summary"]') }).first();
  await expect(summaryHit).toBeVisible();
  await expect(summaryHit.locator('mark').first()).toContainText('注意力');

  // Arrow down to the title hit and open it with Enter.
  const ids = await results.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.videoId));
  const target = await titleHit.getAttribute('data-video-id');
  for (let i = 0; i < ids.indexOf(target!); i++) await page.keyboard.press('ArrowDown');
  await expect(titleHit).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('lecture-title')).toContainText('各式各樣神奇的自注意力機制');

  dialog = await openPalette(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('an English query finds summaries; nothing found says so', async ({ app, page }) => {
  void app;
  await expect(page.getByTestId('course-item').first()).toBeVisible();
  const dialog = await openPalette(page);
  await page.keyboard.type('Lottery Hypothesis');
  const hit = dialog.getByTestId('search-result').filter({ hasText: 'Network Compression (1/2)' });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('[data-field="summary"]').first()).toBeVisible();
  await expect(hit.locator('mark').first()).toContainText(/Lottery|Hypothesis/);
  await dialog.getByRole('combobox', { name: 'Search' }).fill('zzqqxxnothing');
  await expect(dialog.getByText('No matches')).toBeVisible();
});

test('a note is searchable, and the watched and has-notes filters narrow the results', async ({ app, page }) => {
  void app;
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  const editor = page.getByTestId('note-editor');
  await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('remember the quokkaprune trick');
  await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
  await row(page, 368).getByTestId('watched-toggle').click();

  let dialog = await openPalette(page);
  await page.keyboard.type('quokkaprune');
  const hit = dialog.getByTestId('search-result');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('Network Compression (1/2)');
  await expect(hit.locator('[data-field="note"]').first()).toHaveText('note');
  await expect(hit.locator('mark')).toHaveText('quokkaprune');
  await page.keyboard.press('Escape');

  dialog = await openPalette(page);
  const input = dialog.getByRole('combobox', { name: 'Search' });
  await input.fill('Network Compression');
  const results = dialog.getByTestId('search-result');
  const ids = () => results.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.videoId));
  // The palette remembers the last query, so wait for the new one's answer.
  await expect.poll(async () => (await ids()).length).toBeGreaterThan(1);
  expect(await ids()).toContain('CB0a3aBwND8');

  await dialog.getByRole('combobox', { name: 'Watched' }).selectOption('watched');
  await expect.poll(ids).toEqual(['CB0a3aBwND8']);
  await dialog.getByRole('combobox', { name: 'Watched' }).selectOption('unwatched');
  await expect.poll(ids).not.toContain('CB0a3aBwND8');
  // Polled too: the list may be between answers the moment the watched lecture leaves it.
  await expect.poll(async () => (await ids()).length).toBeGreaterThan(0);

  await dialog.getByRole('combobox', { name: 'Watched' }).selectOption('any');
  await dialog.getByRole('checkbox', { name: 'Has notes' }).check();
  await expect.poll(ids).toEqual(['CB0a3aBwND8']);
});

test("the course filter keeps only the chosen course's hits", async ({ app, page }) => {
  void app;
  // Network Compression is taught in two courses: ML 2021 (English version) and 機器學習2021.
  const { dialog, results } = await searchFor(page, 'Network Compression');
  const coursesShown = async () => [...new Set(await results.locator('.search-result-course').allTextContents())].sort();
  await expect.poll(coursesShown).toEqual(expect.arrayContaining(['ML 2021 (English version)', '機器學習2021']));
  await expect(results.filter({ hasText: 'Network Compression (1/2)' })).toHaveCount(1);

  await dialog.getByRole('combobox', { name: 'Course' }).selectOption({ label: '機器學習2021' });
  await expect.poll(coursesShown).toEqual(['機器學習2021']);
  await expect(results.filter({ hasText: '神經網路壓縮 (Network Compression) (一)' })).toHaveCount(1);
  await expect(results.filter({ hasText: '神經網路壓縮 (Network Compression) (二)' })).toHaveCount(1);
  await expect(results.filter({ hasText: 'Network Compression (1/2)' })).toHaveCount(0);

  await dialog.getByRole('combobox', { name: 'Course' }).selectOption({ label: 'All courses' });
  await expect.poll(coursesShown).toEqual(expect.arrayContaining(['ML 2021 (English version)', '機器學習2021']));
});
