// The in-app player against a stand-in for YouTube's embed that speaks the IFrame API's
// postMessage protocol (embed-stand-in.html, routed by the harness): resume across a restart,
// auto-mark at 90% and an unwatch that sticks, timestamps taken from and sent to the player,
// speed memory, the blocked and offline states, and messages from anywhere else ignored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect } from './harness';
import { course, openLecture, row } from './ui';
import { READY_WITHIN_MS } from '../../renderer/src/lib/player-protocol';

const ML_EN = /^ML 2021 \(English version\)/;
const VIDEO_368 = 'CB0a3aBwND8';

/** The player's frame (the stand-in), once the page has loaded it for `videoId`. */
async function playerFrame(page: Page, videoId: string): Promise<Frame> {
  await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready');
  const frame = page.frames().find((f) => f.url().startsWith(`https://www.youtube-nocookie.com/embed/${videoId}?`));
  if (!frame) throw new Error(`no player frame for ${videoId}`);
  return frame;
}

type Command = [string, ...unknown[]];
const commands = (frame: Frame) => frame.evaluate(() => (window as unknown as { standIn: { commands: Command[] } }).standIn.commands);
/** Set the stand-in's state; each call delivers it to the page at once, in order. */
const setStates = (frame: Frame, ...states: Record<string, number>[]) =>
  frame.evaluate((all) => {
    for (const s of all) (window as unknown as { standIn: { set(p: unknown): void } }).standIn.set(s);
  }, states);
/** Playing at `at`, then paused there: the page reports the position on the pause. */
const stopAt = (frame: Frame, at: number) => setStates(frame, { currentTime: at, playerState: 1 }, { currentTime: at, playerState: 2 });

async function open368(page: Page) {
  await course(page, ML_EN).click();
  await openLecture(page, 368);
  return playerFrame(page, VIDEO_368);
}

test.describe('with the player', () => {
  test.use({ embed: 'stand-in' });

  test('resumes where the student stopped, after a restart', async ({ app, page }) => {
    const frame = await open368(page);
    // The frame is the embed URL, told the page's origin, with the API on.
    const src = new URL(frame.url());
    expect(src.searchParams.get('enablejsapi')).toBe('1');
    expect(src.searchParams.get('origin')).toBe(new URL(app.url).origin);
    await expect(page.locator('iframe.player-frame')).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin');
    await expect(page.locator('iframe.player-frame')).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    await expect(page.getByTestId('player-resume')).toHaveCount(0);

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/savePlayback') && r.ok());
    await stopAt(frame, 754);
    await saved;
    await expect(page.getByTestId('player-time')).toHaveText('12:34 / 50:00');

    await app.restart();
    const again = await open368(page);
    await page.getByTestId('player-resume').filter({ hasText: 'Resume at 12:34' }).click();
    await expect.poll(() => commands(again)).toEqual([['seekTo', 754, true], ['playVideo']]);
    await expect(page.getByTestId('player-resume')).toHaveCount(0);
  });

  test('marks the lecture watched at 90%, and an unwatch sticks', async ({ app, page }) => {
    void app;
    const frame = await open368(page);
    const watched = page.getByTestId('detail-watched');
    await expect(watched).not.toBeChecked();
    let saved = page.waitForResponse((r) => r.url().endsWith('/api/savePlayback') && r.ok());
    await stopAt(frame, 2600); // 87%
    await saved;
    await expect(watched).not.toBeChecked();
    saved = page.waitForResponse((r) => r.url().endsWith('/api/savePlayback') && r.ok());
    await stopAt(frame, 2710); // 90.3%
    await saved;
    await expect(watched).toBeChecked();
    await expect(row(page, 368)).toHaveAttribute('aria-checked', 'true');

    await watched.uncheck();
    await expect(row(page, 368)).toHaveAttribute('aria-checked', 'false');
    saved = page.waitForResponse((r) => r.url().endsWith('/api/savePlayback') && r.ok());
    await stopAt(frame, 2990);
    const answer = (await (await saved).json()) as { result: { watched: boolean } };
    expect(answer.result.watched).toBe(false);
    await expect(watched).not.toBeChecked();
  });

  test("Ctrl+Shift+T inserts the player's time, and a note's timestamp seeks the player", async ({ app, page }) => {
    const frame = await open368(page);
    await stopAt(frame, 754);
    await expect(page.getByTestId('player-time')).toHaveText(/^12:34/);
    const editor = page.getByTestId('note-editor');
    const text = editor.getByRole('textbox', { name: 'Note (Markdown)' });
    await text.click();
    await page.keyboard.type('pruning ');
    await page.keyboard.press('Control+Shift+T');
    await expect(text).toHaveValue('pruning [12:34]');
    await expect(editor.getByRole('textbox', { name: 'Timestamp' })).toHaveCount(0);
    await page.keyboard.type(' then 1:02:03');
    await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);

    await editor.getByRole('button', { name: 'Preview' }).click();
    await editor.getByTestId('note-preview').getByRole('link', { name: '1:02:03' }).click();
    await expect.poll(async () => (await commands(frame)).filter(([f]) => f === 'seekTo')).toEqual([['seekTo', 3000, true]]);
    // The stand-in's video is 50 minutes: a later time seeks to its end. Nothing left the app.
    expect(app.opened()).toEqual([]);
  });

  test('the speed is remembered across a restart; the keys drive the player', async ({ app, page }) => {
    const frame = await open368(page);
    await page.getByTestId('lecture-title').click(); // focus out of the playlist: its own keys are j, k and Space
    const prefs = page.waitForResponse((r) => r.url().endsWith('/api/setPrefs') && r.ok());
    await page.keyboard.press('>');
    await page.keyboard.press('>');
    await expect(page.getByTestId('player-rate')).toHaveText('1.5×');
    await prefs;
    // The keys below are also the playlist's (k moves up): the page itself must have focus.
    await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('k');
    await page.keyboard.press('l');
    await expect
      .poll(() => commands(frame))
      .toEqual([['setPlaybackRate', 1.25], ['setPlaybackRate', 1.5], ['playVideo'], ['seekTo', expect.any(Number), true], ['playVideo']]);
    const jumped = (await commands(frame))[3]![1] as number;
    expect(jumped).toBeGreaterThanOrEqual(10);
    await expect
      .poll(() => frame.evaluate(() => (window as unknown as { standIn: { state: { playbackRate: number } } }).standIn.state.playbackRate))
      .toBe(1.5);

    // `p` folds the player to its bar; the frame stays (it may keep playing), and that is remembered too.
    const folded = page.waitForResponse((r) => r.url().endsWith('/api/setPrefs') && r.ok());
    await page.keyboard.press('p');
    await expect(page.getByTestId('player-fold')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.player-frame')).toBeHidden();
    await folded;

    await app.restart();
    const again = await open368(page);
    await expect.poll(() => commands(again)).toEqual([['setPlaybackRate', 1.5]]);
    await expect(page.getByTestId('player-rate')).toHaveText('1.5×');
    await expect(page.locator('.player-frame')).toBeHidden();
    await page.getByTestId('player-fold').click();
    await expect(page.locator('.player-frame')).toBeVisible();
    await expect(page.getByTestId('player-fold')).toHaveAttribute('aria-expanded', 'true');
  });

  test('a message from another window or origin is ignored', async ({ app, page }) => {
    void app;
    const frame = await open368(page);
    // This page itself, and a second frame on the embed origin, both claim to be the player.
    await page.evaluate(() =>
      window.postMessage(JSON.stringify({ event: 'infoDelivery', info: { currentTime: 2999, duration: 3000, playerState: 1 } }), '*'),
    );
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.src = 'https://www.youtube-nocookie.com/embed/zzzzzzzzzzz?enablejsapi=1';
      f.dataset.testid = 'impostor';
      document.body.append(f);
    });
    await expect.poll(() => page.frames().some((f) => f.url().includes('/embed/zzzzzzzzzzz'))).toBe(true);
    const impostor = page.frames().find((f) => f.url().includes('/embed/zzzzzzzzzzz'))!;
    await impostor.waitForFunction(() => 'standIn' in window);
    await impostor.evaluate(() => {
      parent.postMessage(JSON.stringify({ event: 'infoDelivery', info: { currentTime: 2999, duration: 3000, playerState: 1 } }), '*');
      parent.postMessage(JSON.stringify({ event: 'onError', info: 150 }), '*');
    });
    // Then the real player says where it is: the page shows that, and only that.
    await setStates(frame, { currentTime: 100, playerState: 2 });
    await expect(page.getByTestId('player-time')).toHaveText('1:40 / 50:00');
    await expect(page.getByTestId('player')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('detail-watched')).not.toBeChecked();
  });
});

test.describe('a summary timestamp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lc-player-catalog-'));
  const catalog = join(dir, 'catalog.md');
  writeFileSync(
    catalog,
    `<details>
<summary>1. [ML 2021 (English version)] Lecture 1: Pruning</summary><br>

<a href="https://www.youtube.com/watch?v=${VIDEO_368}" target="_blank">
    <img src="https://img.youtube.com/vi/${VIDEO_368}/maxresdefault.jpg" alt="[Youtube]" width="200">
</a>

剪枝的重點在 12:34 開始說明。

</details>
`,
  );
  test.use({ embed: 'stand-in', catalogs: [catalog] });

  test('seeks the player, and opens the browser only when there is no player', async ({ app, page }) => {
    await course(page, ML_EN).click();
    await openLecture(page, 1);
    const frame = await playerFrame(page, VIDEO_368);
    await page.getByTestId('summary').getByRole('link', { name: '12:34' }).click();
    await expect.poll(() => commands(frame)).toEqual([['seekTo', 754, true], ['playVideo']]);
    expect(app.opened()).toEqual([]);
  });
});

test.describe('when YouTube cannot be reached', () => {
  test.use({ embed: 'blocked' });

  test('the pane says so in plain words and offers Open on YouTube; notes still work; no console errors', async ({ app, page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // The page's timers on Playwright's clock (time still flows), so the wait for an answer is
    // jumped over instead of waited out: the page loads again under it.
    await page.clock.install();
    await page.reload();
    await course(page, ML_EN).click();
    await openLecture(page, 368);
    const pane = page.getByTestId('player-unavailable');
    // The frame never answers: once its wait is over, the pane gives up on it. (Jumping again
    // on each poll covers a frame whose load event, which starts the wait, comes late.)
    await expect
      .poll(async () => {
        await page.clock.fastForward(READY_WITHIN_MS);
        return pane.count();
      })
      .toBe(1);
    await expect(pane).toContainText('The video player could not load');
    await pane.getByRole('button', { name: 'Open on YouTube' }).click();
    await expect.poll(() => app.opened()).toEqual([`https://www.youtube.com/watch?v=${VIDEO_368}`]);

    // Going offline says that instead, and a timestamp goes to the browser.
    await pane.getByRole('button', { name: 'Try again' }).click();
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect(page.getByTestId('player-unavailable')).toContainText('You are offline');

    const editor = page.getByTestId('note-editor');
    await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('see 12:34');
    await expect(editor.getByTestId('note-status')).toHaveText(/^Saved/);
    await editor.getByRole('button', { name: 'Preview' }).click();
    await editor.getByTestId('note-preview').getByRole('link', { name: '12:34' }).click();
    await expect
      .poll(() => app.opened())
      .toEqual([`https://www.youtube.com/watch?v=${VIDEO_368}`, `https://www.youtube.com/watch?v=${VIDEO_368}&t=754s`]);
    expect(errors).toEqual([]);
  });
});
