// Starts the app the way a student does in a browser (`npm run web`), once per test,
// with its own data folder, an opener recorder standing in for the OS browser, and an
// export folder standing in for the save dialog.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface AppHandle {
  /** The page URL with the per-run token; the page is already open at it. */
  url: string;
  dataDir: string;
  exportDir: string;
  /** URLs the app asked the OS to open, in order. */
  openLog(): string[];
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
    const exportDir = join(dataDir, 'exports');
    const log = join(dataDir, 'open-log.txt');
    const args = ['--data-dir', dataDir, '--port', '0', '--open-log', log, '--export-dir', exportDir];
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
      exportDir,
      openLog: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
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
