// chromium-open-10k and renderer-heap-10k: the app as a student opens it in Debian's
// Chromium (`npm run web`) with a 10,000-entry catalog, against the 50-entry seed opened
// in the same browser run (chromium-open-seed, the seed's heap): time from navigation to
// the playlist showing its rows, and the page's JS heap once it has settled.
import { chromium, type Browser } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { limitFigure, median, ratioFigure, startWebServer, type Figure } from './lib';
import { generatedCatalogPath } from './generate';
import { CHROMIUM_LAUNCH } from './chromium-launch';

const SEED = resolve(import.meta.dirname, '../resources/catalog.md');

/**
 * Resolves once the server's search index is ready. Opening is measured on an idle server, as
 * a student's second start finds it (the cache); a cold build's lag is start.ts's figure
 * (request-lag-p99-during-build), and would otherwise land on whichever opens it overlapped.
 */
async function searchReady(pageUrl: string): Promise<void> {
  const u = new URL(pageUrl);
  const token = new URLSearchParams(u.hash.slice(1)).get('token') ?? '';
  for (let i = 0; i < 600; i++) {
    const r = await fetch(`${u.origin}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lc-token': token },
      body: JSON.stringify({ query: 'a', limit: 1 }),
    });
    if (((await r.json()) as { result?: { ready?: boolean } }).result?.ready) return;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error('bench: the search index never became ready');
}

/** One open: navigation to the first visible playlist row, then the settled heap. */
async function open(browser: Browser, url: string): Promise<{ ms: number; heapMb: number }> {
  const page = await browser.newPage();
  try {
    const t = Date.now();
    await page.goto(url);
    await page.locator('[data-testid=lecture-row]').first().waitFor({ state: 'visible', timeout: 60_000 });
    const ms = Date.now() - t;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return { ms, heapMb: usedSize / 1024 / 1024 };
  } finally {
    await page.close();
  }
}

export async function run(runs = 7): Promise<Figure[]> {
  const dirs = [mkdtempSync(join(tmpdir(), 'lc-bench-')), mkdtempSync(join(tmpdir(), 'lc-bench-'))] as const;
  const servers: ChildProcess[] = [];
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, '--enable-precise-memory-info'] });
  const big = { ms: [] as number[], heap: [] as number[] };
  const seed = { ms: [] as number[], heap: [] as number[] };
  try {
    const s = await startWebServer(SEED, dirs[0]);
    servers.push(s.proc);
    const b = await startWebServer(generatedCatalogPath(10_000), dirs[1]);
    servers.push(b.proc);
    await Promise.all([searchReady(s.url), searchReady(b.url)]);
    // Alternating, so machine load hits both alike; the first pair warms the servers'
    // caches, the disk and the browser's code cache, and is not counted.
    for (let i = 0; i <= runs; i++) {
      const o = await open(browser, s.url);
      const p = await open(browser, b.url);
      if (i === 0) continue;
      seed.ms.push(o.ms);
      seed.heap.push(o.heapMb);
      big.ms.push(p.ms);
      big.heap.push(p.heapMb);
    }
  } finally {
    await browser.close();
    for (const proc of servers) {
      const exited = new Promise((ok) => proc.once('exit', ok));
      proc.kill('SIGTERM');
      await exited;
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return [
    limitFigure('chromium-open-seed', median(seed.ms), null, 'ms'),
    ratioFigure('chromium-open-10k', median(big.ms), median(seed.ms), 1.3),
    ratioFigure('renderer-heap-10k', median(big.heap), median(seed.heap), 2, 'MB'),
  ];
}
