// chromium-open-10k and renderer-heap-10k: the app as a student opens it in Debian's
// Chromium (`npm run web`) with a 10,000-entry catalog: time from navigation to the
// playlist showing its rows, and the page's JS heap once it has settled.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limitFigure, median, startWebServer, type Figure } from './lib';
import { generatedCatalogPath } from './generate';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function run(runs = 5): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-'));
  const { proc, url } = await startWebServer(generatedCatalogPath(10_000), dataDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, '--enable-precise-memory-info'] });
  const times: number[] = [];
  const heaps: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage();
      const t = Date.now();
      await page.goto(url);
      await page.locator('[data-testid=lecture-row]').first().waitFor({ state: 'visible', timeout: 30_000 });
      const elapsed = Date.now() - t;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      if (i > 0) {
        // the first open warms the server's caches and the disk; it is not counted
        times.push(elapsed);
        heaps.push(usedSize / 1024 / 1024);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
    await new Promise((ok) => proc.once('exit', ok));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return [limitFigure('chromium-open-10k', median(times), 1500, 'ms'), limitFigure('renderer-heap-10k', median(heaps), null, 'MB')];
}
