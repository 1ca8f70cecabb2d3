// A catalog a student imported from anywhere, and notes pasted from anywhere: every
// vector in security.md, each trying to set window.__pwned or reach evil.example.
// The app shows them as text, runs none of them, and sends nothing to a foreign host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './harness';
import { ROOT } from './harness';
import { row } from './ui';
import { allowedExternalUrl } from '../../electron/shared/links';
import { nth } from '../unit/helpers/nth';

const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const notes = JSON.parse(readFileSync(join(HOSTILE, 'hostile-notes.json'), 'utf8')) as string[];
const indexes = [...readFileSync(join(HOSTILE, 'hostile-catalog.md'), 'utf8').matchAll(/<summary>(\d+)\./g)].map((m) => Number(m[1]));
// Thumbnails may come from YouTube's image hosts; nothing else leaves the machine.
// The player's frame loads YouTube's embed host (answered by the harness's stand-in).
const ALLOWED_HOSTS = new Set(['127.0.0.1', 'img.youtube.com', 'i.ytimg.com', 'www.youtube-nocookie.com']);

test.use({ catalogs: [join(HOSTILE, 'hostile-catalog.md')] });

test('hostile summaries, titles and notes render inert and send nothing abroad', async ({ app, page }) => {
  // A hang guard: it left- and middle-clicks every link of every hostile entry and types every note, 45-72 s on a
  // loaded 2-core machine.
  test.setTimeout(420_000);
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.reload(); // with the listeners in place from the first request on

  /** Nothing from the untrusted content became active: checked after every lecture, not only at the end. */
  const assertInert = async (where: string) => {
    const active = await page.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned,
      scripts: document.querySelectorAll('script:not([src])').length,
      // The app's own UI has forms; untrusted content may not bring any element of these kinds.
      // The app's one frame is the player's, on the embed URL it built; content may bring none.
      frames: [...document.body.querySelectorAll('iframe, object, embed, base, meta')].filter(
        (el) =>
          !(
            el instanceof HTMLIFrameElement &&
            el.classList.contains('player-frame') &&
            el.src.startsWith('https://www.youtube-nocookie.com/embed/')
          ),
      ).length,
      inContent: document.querySelectorAll(
        ':is([data-testid=summary], [data-testid=note-preview]) :is(script, style, svg, form, input, iframe, object, embed, meta, base, img:not([src^="https://img.youtube.com/"]):not([src^="https://i.ytimg.com/"]))',
      ).length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      ),
      badLinks: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .map((a) => a.getAttribute('href')!)
        .filter((h) => !/^(https?:|mailto:)/.test(h)),
    }));
    expect(active, where).toEqual({ pwned: undefined, scripts: 0, frames: 0, inContent: 0, handlers: [], badLinks: [] });
    expect(page.url(), where).toBe(app.url);
  };
  /** Left and middle click on every link: only what the link filter allows may open, in a new tab. */
  const clickAll = async (links: import('@playwright/test').Locator) => {
    for (const link of await links.all()) {
      await link.click({ force: true });
      await link.click({ force: true, button: 'middle' });
    }
  };

  expect(indexes.length).toBeGreaterThanOrEqual(10);
  await page.getByTestId('upload-order-toggle').check();
  for (const index of indexes) {
    await row(page, index).locator('.row-title').click();
    await expect(page.getByTestId('lecture-title')).toBeVisible();
    // Every summary link the student might click, with either button.
    await clickAll(page.getByTestId('summary').locator('a'));
    await assertInert(`lecture ${index}`);
  }
  // Every hostile note, typed as text, then previewed through the same renderer.
  for (const [j, note] of notes.entries()) {
    await row(page, nth(indexes, j % indexes.length))
      .locator('.row-title')
      .click();
    const editor = page.getByTestId('note-editor');
    await editor.getByRole('button', { name: 'Edit' }).click();
    const box = editor.getByRole('textbox', { name: 'Note (Markdown)' });
    await box.fill(note);
    await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
    await editor.getByRole('button', { name: 'Preview' }).click();
    await clickAll(editor.getByTestId('note-preview').locator('a:not(.timestamp)'));
    await assertInert(`note ${j}`);
  }

  // Titles are text everywhere: the raw markup is visible as characters, not as elements.
  await expect(page.getByTestId('lecture-row').filter({ hasText: '<img src=x onerror' })).toHaveCount(1);
  expect(dialogs).toEqual([]);
  const foreign = requests.filter((u) => !ALLOWED_HOSTS.has(new URL(u).hostname));
  expect(foreign).toEqual([]);
  // New tabs opened only where the one link filter allows (exact YouTube hosts over https).
  for (const url of app.opened()) expect(allowedExternalUrl(url), url).toBe(url);
  expect(page.url()).toBe(app.url);
});

test('the hostile catalog loads with its entries listed', async ({ app, page }) => {
  void app; // starts the app on the hostile catalog
  await page.getByTestId('upload-order-toggle').check();
  await expect(page.getByTestId('lecture-row')).toHaveCount(indexes.length);
});
