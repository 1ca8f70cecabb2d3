// `npm start`: the decision between the Electron window and browser mode, binary present or
// absent, detected by files; recorders stand in for the Electron launch and the OS opener.
// The last two tests run the real script as a student would, on this machine.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findElectronBinary, installFailureReason, start, type StartDeps } from '../../../scripts/launch';
import { tempDir } from '../helpers/service';
import { ROOT } from '../helpers/fixtures';

/** A node_modules/electron folder as Electron's installer leaves it (or as it is before). */
function electronFolder(opts: { installed: boolean }): string {
  const dir = tempDir();
  if (opts.installed) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

const probe = (electronDir: string, env: Record<string, string> = {}) => ({
  env,
  electronDir,
  exists: existsSync,
  read: (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : null),
});

function recorder(electronDir: string, opts: { env?: Record<string, string>; installerCreates?: boolean; installerOutput?: string } = {}) {
  const calls: string[] = [];
  const logs: string[] = [];
  let stopHandler: (() => void) | null = null;
  const deps: StartDeps = {
    probe: probe(electronDir, opts.env),
    log: (l) => logs.push(l),
    build: () => (calls.push('build'), true),
    runInstaller: () => {
      calls.push('installer');
      if (opts.installerCreates) {
        writeFileSync(join(electronDir, 'path.txt'), 'electron');
        mkdirSync(join(electronDir, 'dist'), { recursive: true });
        writeFileSync(join(electronDir, 'dist', 'electron'), '');
        return { ok: true, output: '' };
      }
      return { ok: false, output: opts.installerOutput ?? 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n' };
    },
    launchElectron: async (bin, args) => (calls.push(`electron ${bin} ${args.join(' ')}`), 0),
    startWeb: async (args) => {
      calls.push(`web ${args.join(' ')}`);
      return { url: 'http://127.0.0.1:5555/#token=t', dataDir: '/data', stop: async () => void calls.push('web stopped') };
    },
    openBrowser: (url) => calls.push(`open ${url}`),
    onStopSignal: (h) => (stopHandler = h),
  };
  return { deps, calls, logs, stop: () => stopHandler?.() };
}

describe('finding the Electron binary by its files', () => {
  it('uses node_modules/electron/path.txt and dist/ when both are there', () => {
    const dir = electronFolder({ installed: true });
    expect(findElectronBinary(probe(dir))).toEqual({ path: join(dir, 'dist', 'electron'), from: 'node_modules/electron' });
    expect(findElectronBinary(probe(electronFolder({ installed: false })))).toEqual({ missing: 'Electron is not downloaded yet' });
  });

  it('honours ELECTRON_EXEC_PATH and ELECTRON_OVERRIDE_DIST_PATH, and says when they point at nothing', () => {
    const dir = electronFolder({ installed: false });
    const exe = join(tempDir(), 'my-electron');
    writeFileSync(exe, '');
    expect(findElectronBinary(probe(dir, { ELECTRON_EXEC_PATH: exe }))).toEqual({ path: exe, from: 'ELECTRON_EXEC_PATH' });
    expect(findElectronBinary(probe(dir, { ELECTRON_EXEC_PATH: exe + '-gone' }))).toMatchObject({
      missing: expect.stringContaining('ELECTRON_EXEC_PATH'),
    });
    const dist = tempDir();
    expect(findElectronBinary(probe(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist }))).toMatchObject({ missing: expect.stringContaining(dist) });
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary(probe(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist }))).toEqual({
      path: join(dist, 'electron'),
      from: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
  });

  it.each([
    ['TypeError: fetch failed\n    at x (y.js:1:2)', 'its download server cannot be reached from here'],
    ['Error: getaddrinfo ENOTFOUND github.com', 'its download server cannot be reached from here'],
    ['Error: Generated checksum for "electron.zip" did not match', 'the download did not match its checksum'],
    ['Error: something odd\n    at a (b:1:1)', 'its installer said: Error: something odd'],
  ])('turns the installer stack trace %j into one plain reason', (stderr, reason) => {
    expect(installFailureReason(stderr)).toBe(reason);
  });
});

describe('npm start decides', () => {
  it('launches Electron with the binary when it is present, passing --data-dir and --catalog through', async () => {
    const r = recorder(electronFolder({ installed: true }));
    const code = await start(['--data-dir', '/d', '--catalog', 'a.md', 'b.md'], r.deps);
    expect(code).toBe(0);
    expect(r.calls).toEqual(['build', expect.stringMatching(/^electron .*dist\/electron --data-dir \/d --catalog a\.md b\.md$/)]);
    expect(r.logs).toEqual([]);
  });

  it('runs Electron’s installer when the binary is missing, then launches what it installed', async () => {
    const dir = electronFolder({ installed: false });
    const r = recorder(dir, { installerCreates: true });
    expect(await start([], r.deps)).toBe(0);
    expect(r.calls).toEqual(['build', 'installer', `electron ${join(dir, 'dist', 'electron')} `]);
  });

  it('falls back to browser mode in one plain line when the download fails, opens the URL and stops on Ctrl+C', async () => {
    const r = recorder(electronFolder({ installed: false }));
    const done = start(['--data-dir', '/d'], r.deps);
    await expect.poll(() => r.calls.includes('open http://127.0.0.1:5555/#token=t')).toBe(true);
    expect(r.calls).toEqual(['build', 'installer', 'web --data-dir /d', 'open http://127.0.0.1:5555/#token=t']);
    expect(r.logs[0]).toBe(
      'Lecture Companion: Electron could not be downloaded: its download server cannot be reached from here, so it opens in your browser instead (same data folder as the desktop app).',
    );
    expect(r.logs.join('\n')).not.toMatch(/^\s+at /m);
    expect(r.logs[1]).toContain('http://127.0.0.1:5555/#token=t');
    r.stop();
    expect(await done).toBe(0);
    expect(r.calls.at(-1)).toBe('web stopped');
  });

  it('--web forces browser mode even with a binary present, without downloading', async () => {
    const r = recorder(electronFolder({ installed: true }));
    const done = start(['--web', '--no-build'], r.deps);
    await expect.poll(() => r.calls.length).toBe(2);
    expect(r.calls).toEqual(['web ', 'open http://127.0.0.1:5555/#token=t']);
    expect(r.logs[0]).toContain('you asked for browser mode (--web)');
    r.stop();
    expect(await done).toBe(0);
  });

  it('does not download over a wrong ELECTRON_EXEC_PATH; it says so and serves the browser', async () => {
    const r = recorder(electronFolder({ installed: false }), { env: { ELECTRON_EXEC_PATH: '/nowhere/electron' } });
    const done = start(['--no-build'], r.deps);
    await expect.poll(() => r.calls.length).toBe(2);
    expect(r.calls[0]).toBe('web ');
    expect(r.logs[0]).toContain('ELECTRON_EXEC_PATH points to /nowhere/electron');
    r.stop();
    await done;
  });
});

/** Runs `npm start`'s script for real (already built by `npm test`), with a recorder as $BROWSER. */
function runStart(args: string[], env: Record<string, string>) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: proc.stdout! }).on('line', (l) => lines.push(l));
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((ok) => proc.on('exit', (code) => ok(code)));
  return { proc, lines, exited, stderr: () => stderr };
}

function recordingScript(log: string): string {
  const path = join(tempDir(), 'record.sh');
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('npm start on this machine', { timeout: 120_000 }, () => {
  it('with no binary to be had: prints the fallback line, serves the app, hands the URL to the opener, saves on Ctrl+C', async () => {
    const dataDir = tempDir();
    const opened = join(tempDir(), 'opened.txt');
    const run = runStart(['--data-dir', dataDir], {
      BROWSER: recordingScript(opened),
      // No binary anywhere, and a download that fails at once on any machine, online or not.
      ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: tempDir(),
    });
    await expect.poll(() => run.lines.length, { timeout: 90_000 }).toBeGreaterThanOrEqual(2);
    expect(run.lines[0]).toMatch(/^Lecture Companion: Electron could not be downloaded: .*, so it opens in your browser instead/);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(run.lines[1] ?? '')?.[1];
    expect(url).toBeDefined();
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    await expect.poll(() => (existsSync(opened) ? readFileSync(opened, 'utf8').trim() : '')).toBe(url);
    expect(existsSync(join(dataDir, '.lock'))).toBe(true);
    run.proc.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    expect(run.lines.join('\n') + run.stderr()).not.toMatch(/^\s+at /m);
  });

  it('with a binary present: launches it on the app with the options passed through', async () => {
    const launched = join(tempDir(), 'launched.txt');
    const run = runStart(['--data-dir', '/tmp/x', '--catalog', 'resources/catalog.md'], { ELECTRON_EXEC_PATH: recordingScript(launched) });
    expect(await run.exited).toBe(0);
    expect(readFileSync(launched, 'utf8').trim().split('\n')).toEqual([ROOT, '--data-dir', '/tmp/x', '--catalog', 'resources/catalog.md']);
  });
});
