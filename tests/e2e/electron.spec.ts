// The same flow in the real Electron app. Electron's binary cannot be fetched on the
// machines that build this project (no GitHub access), so this spec runs wherever the
// binary is present and skips, saying why, where it is not.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { METHODS } from '../../electron/shared/contract';
import { findElectronBinary } from '../../scripts/launch';

const ROOT = resolve(import.meta.dirname, '../..');

/** Detect the binary by files, exactly as `npm start` does: require('electron') would try to download it. */
function electronBinary(): string | null {
  const found = findElectronBinary({
    env: process.env,
    electronDir: dirname(createRequire(import.meta.url).resolve('electron/package.json')),
    exists: existsSync,
    read: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : null),
  });
  return 'path' in found ? found.path : null;
}

const bin = electronBinary();

test.describe('real Electron app', () => {
  test.skip(
    !bin,
    'no Electron binary on this machine (Electron 42+ downloads it from GitHub on first use, which is unreachable here); runs wherever npm start finds one (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist)',
  );

  test('playlist, summary, watched state kept across a restart, and a locked-down page', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lc-electron-'));
    // The app folder, as `electron-vite preview` starts it: app.getAppPath() is the repo, so the
    // bundled catalog in resources/ is found.
    const launch = () => electron.launch({ executablePath: bin!, args: [ROOT, '--data-dir', dataDir], cwd: ROOT });
    let app = await launch();
    try {
      let page = await app.firstWindow();
      await expect(page.getByTestId('course-item').first()).toBeVisible();
      const ids = await page.getByTestId('course-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-course-id')));
      expect(ids).toHaveLength(5);
      expect(ids.at(-1)).toBe('other');

      // The page has no Node, no way out, and exactly the contract's functions.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
      expect(await page.evaluate(() => Object.keys((window as { api?: object }).api ?? {}).sort())).toEqual([...METHODS].sort());
      const before = page.url();
      await page
        .evaluate(() => {
          location.href = 'https://example.com/';
        })
        .catch(() => {});
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);

      // Lecture 368 has a summary with headings; 360 has none.
      await page.locator('[data-testid=lecture-row][data-index="368"]').click();
      await expect(page.getByTestId('summary').locator('h1, h2, h3').first()).toBeVisible();
      await page.locator('[data-testid=lecture-row][data-index="360"]').click();
      await expect(page.getByTestId('no-summary')).toBeVisible();

      const progress = page.locator('[data-testid=course-item][data-course-id]').first().getByTestId('course-progress');
      await expect(progress).toHaveText(/^0\/9/);
      await page.locator('[data-testid=lecture-row][data-index="351"] [data-testid=watched-toggle]').click();
      await expect(progress).toHaveText(/^1\/9/);

      // The player: the one frame is the nocookie embed, sandboxed; its requests, and only
      // those, carry the app's Referer (YouTube's Error 153 otherwise). Whether YouTube itself
      // answers depends on the network, so the headers are read from the session, not the video.
      await page.locator('[data-testid=lecture-row][data-index="368"]').click();
      const frame = page.locator('iframe.player-frame');
      await expect(frame).toHaveAttribute(
        'src',
        /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?enablejsapi=1&origin=app%3A%2F%2Flecture-companion/,
      );
      await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin');
      const sent = await app.evaluate(async ({ session }) => {
        const seen: { url: string; referer?: string }[] = [];
        session.defaultSession.webRequest.onSendHeaders((d) => seen.push({ url: d.url, referer: d.requestHeaders.Referer }));
        await Promise.all(
          ['https://www.youtube-nocookie.com/embed/CB0a3aBwND8', 'https://img.youtube.com/vi/CB0a3aBwND8/mqdefault.jpg'].map((u) =>
            session.defaultSession.fetch(u).catch(() => null),
          ),
        );
        return seen;
      });
      for (const r of sent) {
        expect(r.referer, r.url).toBe(
          r.url.startsWith('https://www.youtube-nocookie.com/') ? 'https://lecture-companion.github.io/' : undefined,
        );
      }

      await app.close();
      app = await launch();
      page = await app.firstWindow();
      await expect(page.locator('[data-testid=course-item][data-course-id]').first().getByTestId('course-progress')).toHaveText(/^1\/9/);
    } finally {
      await app.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
