// Regenerates docs/screenshot.png for the README: the app in Chromium on the bundled
// catalog, lecture 368 open. Needs a CJK font (Debian: fonts-noto-cjk) to look right.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'lc-shot-'));
const proc = spawn('node', ['--import', 'tsx', 'electron/main/web.ts', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((ok) => createInterface({ input: proc.stdout! }).once('line', ok));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
for (const i of [351, 352, 362]) await page.locator(`[data-testid=lecture-row][data-index="${i}"] [data-testid=watched-toggle]`).click();
await page.locator('[data-testid=lecture-row][data-index="368"]').click();
await page.getByTestId('summary').waitFor();
await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
await browser.close();
proc.kill('SIGTERM');
