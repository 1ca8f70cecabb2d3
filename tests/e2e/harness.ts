// Starts the app the way a student does in a browser (`npm run web`), once per test, with
// its own data folder. Links the page opens are new tabs (recorded; YouTube is answered by a
// stand-in page, as these machines have no internet) and exports are browser downloads.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED = join(ROOT, 'resources/catalog.md');
export const FIXTURES = resolve(ROOT, '../shared/fixtures/catalog');

export interface AppHandle {
  /** The page URL with the per-run token; the page is already open at it. */
  url: string;
  dataDir: string;
  /** URLs the page opened in new tabs, in order. */
  opened(): string[];
  /** Stop the server (gracefully: it flushes) and start it again on the same data; reopens the page. */
  restart(): Promise<string>;
  /** Stop the server without reopening. */
  stop(): Promise<void>;
}

interface Running {
  proc: ChildProcess;
  url: string;
  stderr: string[];
}

function startServer(args: string[]): Promise<Running> {
  const proc = spawn('npm', ['run', '-s', 'web', '--', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`web server did not start:\n${stderr.join('')}`)), 60_000);
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (url) => {
      clearTimeout(timer);
      ok({ proc, url: url.trim(), stderr });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`web server exited (${code}) before printing its URL:\n${stderr.join('')}`));
    });
  });
}

async function stopServer(r: Running): Promise<void> {
  // A server that ended by a signal has a signalCode and a null exitCode.
  if (r.proc.exitCode !== null || r.proc.signalCode !== null) return;
  const exited = new Promise((ok) => r.proc.once('exit', ok));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-r.proc.pid!, s);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const timeout = new Promise((ok) => setTimeout(ok, 10_000));
  if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') signal('SIGKILL');
}

export const test = base.extend<{ catalogs: string[] | null; app: AppHandle }>({
  catalogs: [null, { option: true }],
  app: async ({ page, catalogs }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
    const args = ['--data-dir', dataDir, '--port', '0'];
    const opened: string[] = [];
    await page.context().route(/^https:\/\/([a-z-]+\.)?(youtube\.com|youtu\.be)\//, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html', body: '<title>YouTube stand-in</title>' }),
    );
    page.context().on('page', (p) => {
      if (p === page) return;
      void p.waitForURL(/^https:/, { waitUntil: 'commit' }).then(() => opened.push(p.url()), () => opened.push(p.url()));
    });
    if (catalogs) args.push('--catalog', ...catalogs);
    // A Content-Security-Policy violation means the app tried something its policy forbids:
    // every test fails on one, whatever it was checking.
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    let running = await startServer(args);
    await page.goto(running.url);
    const handle: AppHandle = {
      get url() {
        return running.url;
      },
      dataDir,
      opened: () => [...opened],
      async restart() {
        await stopServer(running);
        running = await startServer(args);
        await page.goto(running.url);
        return running.url;
      },
      stop: () => stopServer(running),
    };
    await use(handle);
    await stopServer(running);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    // The server may still be closing files for a moment after its process exits.
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },
});

export { expect };
