// Regenerates the README's screenshots: the app in Chromium on the bundled catalog, lecture 368
// open, in English and zh-TW, light and dark (docs/screenshot-<lang>-<theme>.png; screenshot.png
// is the English light one), plus the statistics view in both languages. Language and theme
// come from the browser's locale and colour scheme, as a new student's would. Needs a CJK
// font (Debian: fonts-noto-cjk) to look right.
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'lc-shot-'));
const proc = spawn('node', ['--import', 'tsx', 'electron/main/web.ts', '--data-dir', dataDir], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((ok) => createInterface({ input: proc.stdout! }).once('line', ok));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function shoot(b: Browser, locale: 'en-US' | 'zh-TW', colorScheme: 'light' | 'dark', first: boolean): Promise<void> {
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, locale, colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  // Some progress to show, made once: the data is shared by every shot.
  if (first)
    for (const i of [351, 352, 362])
      await page.locator(`[data-testid=lecture-row][data-index="${i}"] [data-testid=watched-toggle]`).click();
  await page.locator('[data-testid=lecture-row][data-index="368"]').click();
  await page.getByTestId('summary').waitFor();
  const lang = locale === 'en-US' ? 'en' : 'zh-TW';
  await page.screenshot({ path: join(ROOT, `docs/screenshot-${lang}-${colorScheme}.png`) });
  if (colorScheme === 'light') {
    await page.getByTestId('playlist').focus();
    await page.keyboard.press('3');
    await page.getByTestId('stats-view').waitFor();
    await page.screenshot({ path: join(ROOT, `docs/screenshot-${lang}-stats.png`) });
  }
  await context.close();
}

await shoot(browser, 'en-US', 'light', true);
await shoot(browser, 'en-US', 'dark', false);
await shoot(browser, 'zh-TW', 'light', false);
await shoot(browser, 'zh-TW', 'dark', false);
copyFileSync(join(ROOT, 'docs/screenshot-en-light.png'), join(ROOT, 'docs/screenshot.png'));
await browser.close();
proc.kill('SIGTERM');
