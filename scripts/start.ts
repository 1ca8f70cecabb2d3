// `npm start [-- --web] [--no-build] [--data-dir DIR] [--catalog FILE...] [--port N]`.
// The logic is in launch.ts; this file only wires it to the real processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseOptions } from '../electron/main/options';
import { BUNDLED_CATALOG, startWebServer } from '../electron/main/web';
import { parseStartArgs, start, type StartDeps } from './launch';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

/** $BROWSER (a command, or `none`) as many tools honour it, else the OS opener. */
function openBrowser(url: string): void {
  const custom = process.env.BROWSER;
  if (custom === 'none') return;
  const [cmd, args] = custom
    ? [custom, [url]]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  spawn(cmd, args, { detached: true, stdio: 'ignore' })
    .on('error', () => console.log(`Lecture Companion: could not start a browser (${cmd}); open the address above yourself.`))
    .unref();
}

const deps: StartDeps = {
  probe: {
    env: process.env,
    electronDir,
    exists: existsSync,
    read: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return null;
      }
    },
  },
  log: (line) => console.log(line),
  build: () =>
    spawnSync(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js'), 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    }).status === 0,
  runInstaller() {
    const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: ROOT, encoding: 'utf8', timeout: 10 * 60_000 });
    return { ok: r.status === 0, output: `${r.stdout ?? ''}\n${r.stderr ?? ''}\n${r.error?.message ?? ''}` };
  },
  launchElectron(binary, args) {
    const child = spawn(binary, [ROOT, ...args], { cwd: ROOT, stdio: 'inherit' });
    // Electron handles Ctrl+C itself (it closes the window, which saves first); don't die before it.
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => child.kill(s));
    return new Promise((done) => {
      child.on('error', (e) => {
        console.log(`Lecture Companion: Electron could not start (${e.message}).`);
        done(1);
      });
      child.on('exit', (code) => done(code ?? 0));
    });
  },
  startWeb: (args) => startWebServer(parseOptions(args, BUNDLED_CATALOG)),
  openBrowser,
  onStopSignal(handler) {
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  },
};

try {
  // A typo in an option is reported before anything is built or downloaded.
  parseOptions(parseStartArgs(process.argv.slice(2)).appArgs, BUNDLED_CATALOG);
} catch (e) {
  console.log(`Lecture Companion: ${(e as Error).message} (options: --web, --no-build, --data-dir DIR, --catalog FILE..., --port N)`);
  process.exit(2);
}

start(process.argv.slice(2), deps).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // No stack trace for the student: the message says what to do.
    console.log(`Lecture Companion: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
