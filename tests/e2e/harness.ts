// Starts the app the way a student does in a browser (`npm run web`), once per test, with
// its own data folder. Links the page opens are new tabs (recorded; YouTube is answered by a
// stand-in page, as these machines have no internet) and exports are browser downloads.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');

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
  // What `npm run web` runs, without npm and a shell in front: those two cost about 1.3 s of
  // every start on a loaded 2-core machine, and the suite starts a server some 60 times.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/main/web.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  return new Promise((ok, fail) => {
    // A hang guard: the server compiles with tsx at start, several seconds on a loaded machine.
    const timer = setTimeout(() => fail(new Error(`web server did not start within 90 s:\n${stderr.join('')}`)), 90_000);
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

/** How long a server may take to flush and exit after SIGTERM: a hang guard, not a speed limit. */
const STOP_GUARD_MS = 60_000;

/**
 * Whether any live process is left in the server's process group (the server and any child it started).
 * The process can exit before a child it started has, so its exit alone does not mean the
 * data folder is free. Zombies (exited, not yet reaped) do not count.
 */
function groupAlive(pgid: number): boolean {
  if (existsSync('/proc/self/stat')) {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    }
    return false;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(r: Running): Promise<void> {
  const pgid = r.proc.pid!;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pgid, s);
    } catch {
      /* already gone */
    }
  };
  if (!groupAlive(pgid)) return;
  signal('SIGTERM');
  // Wait for the real condition (every process of the group gone, so the store is closed and
  // the lock released) however long a slow machine takes, up to the hang guard.
  const deadline = Date.now() + STOP_GUARD_MS;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      throw new Error(`web server did not stop within ${STOP_GUARD_MS / 1000} s of SIGTERM:\n${r.stderr.join('')}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** A page that speaks the player's postMessage protocol, served at the embed URL (see the file). */
const EMBED_STAND_IN = readFileSync(join(import.meta.dirname, 'embed-stand-in.html'), 'utf8');

/**
 * What answers at the player's embed URL: `inert` a page that never answers the protocol (the
 * player says it could not load, and timestamps open the browser, as before the player);
 * `stand-in` the protocol stand-in; `blocked` nothing (the request fails, as on a network that blocks YouTube).
 */
export type EmbedMode = 'inert' | 'stand-in' | 'blocked';

export const test = base.extend<{ catalogs: string[] | null; embed: EmbedMode; app: AppHandle }>({
  catalogs: [null, { option: true }],
  embed: ['inert', { option: true }],
  app: async ({ page, catalogs, embed }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lc-e2e-'));
    const args = ['--data-dir', dataDir, '--port', '0'];
    const opened: string[] = [];
    await page
      .context()
      .route(/^https:\/\/([a-z-]+\.)?(youtube\.com|youtu\.be)\//, (r) =>
        r.fulfill({ status: 200, contentType: 'text/html', body: '<title>YouTube stand-in</title>' }),
      );
    await page.context().route(/^https:\/\/www\.youtube-nocookie\.com\//, (r) =>
      embed === 'blocked'
        ? r.abort('internetdisconnected')
        : r.fulfill({
            status: 200,
            contentType: 'text/html',
            body: embed === 'stand-in' ? EMBED_STAND_IN : '<title>YouTube stand-in</title>',
          }),
    );
    page.context().on('page', (p) => {
      if (p === page) return;
      void p.waitForURL(/^https:/, { waitUntil: 'commit' }).then(
        () => opened.push(p.url()),
        () => opened.push(p.url()),
      );
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
    // stopServer waited for every process of the server to exit: nothing writes here any more.
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
