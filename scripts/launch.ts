// What `npm start` does, as a plain module: find the Electron binary (by files, never by
// `require('electron')`, which starts a download of its own), run Electron's installer when
// it is missing, launch the app with it, or fall back to browser mode with one plain line.
// Everything with a side effect is injected, so tests drive both paths with recorders.
import { join } from 'node:path';

export interface BinaryProbe {
  env: Record<string, string | undefined>;
  /** node_modules/electron */
  electronDir: string;
  exists(path: string): boolean;
  /** File contents, or null when it cannot be read. */
  read(path: string): string | null;
}

export type Binary =
  { path: string; from: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'node_modules/electron' } | { missing: string };

/** The same places electron-vite and `electron/index.js` look, in the same order. */
export function findElectronBinary(p: BinaryProbe): Binary {
  const exec = p.env.ELECTRON_EXEC_PATH;
  if (exec)
    return p.exists(exec)
      ? { path: exec, from: 'ELECTRON_EXEC_PATH' }
      : { missing: `ELECTRON_EXEC_PATH points to ${exec}, which does not exist` };
  const rel = p.read(join(p.electronDir, 'path.txt'))?.trim() || null;
  const override = p.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, rel ?? 'electron');
    return p.exists(path)
      ? { path, from: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${path}` };
  }
  if (!rel) return { missing: 'Electron is not downloaded yet' };
  const path = join(p.electronDir, 'dist', rel);
  return p.exists(path) ? { path, from: 'node_modules/electron' } : { missing: 'Electron is not downloaded yet' };
}

/** One plain clause from the installer's output (which is a stack trace when it fails). */
export function installFailureReason(output: string): string {
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|network/i.test(output)) {
    return 'its download server cannot be reached from here';
  }
  if (/checksum|sha256/i.test(output)) return 'the download did not match its checksum';
  if (/EACCES|EPERM/.test(output)) return 'node_modules/electron is not writable';
  if (/ENOSPC/.test(output)) return 'the disk is full';
  const first = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return first ? `its installer said: ${first.slice(0, 160)}` : 'its installer failed';
}

export interface StartDeps {
  probe: BinaryProbe;
  log(line: string): void;
  /** Build main, preload and renderer; false when it failed (the build printed why). */
  build(): boolean;
  /** Run `node node_modules/electron/install.js`: downloads or takes the binary from the cache. */
  runInstaller(): { ok: boolean; output: string };
  /** Start Electron on the app; resolves with its exit code. */
  launchElectron(binary: string, args: string[]): Promise<number>;
  /** Serve the app to a browser on 127.0.0.1 with these options; resolves once it listens. */
  startWeb(args: string[]): Promise<{ url: string; dataDir: string; stop(): Promise<void> }>;
  /** Open a URL in the default browser (the OS opener, or $BROWSER). */
  openBrowser(url: string): void;
  /** Call back once on Ctrl+C or SIGTERM. */
  onStopSignal(handler: () => void): void;
}

export interface StartArgs {
  web: boolean;
  build: boolean;
  /** Passed through to the app unchanged: --data-dir, --catalog, --port. */
  appArgs: string[];
}

export function parseStartArgs(argv: string[]): StartArgs {
  const out: StartArgs = { web: false, build: true, appArgs: [] };
  for (const a of argv) {
    if (a === '--web') out.web = true;
    else if (a === '--no-build') out.build = false;
    else if (a !== '--') out.appArgs.push(a);
  }
  return out;
}

/** `npm start`: returns the process exit code once the app (or the browser-mode server) ends. */
export async function start(argv: string[], deps: StartDeps): Promise<number> {
  const args = parseStartArgs(argv);
  if (args.build && !deps.build()) {
    deps.log('Lecture Companion: the build failed (see above); nothing was started.');
    return 1;
  }
  let reason = 'you asked for browser mode (--web)';
  if (!args.web) {
    let bin = findElectronBinary(deps.probe);
    // The installer honours ELECTRON_MIRROR and @electron/get's cache; an explicit
    // ELECTRON_EXEC_PATH that is wrong is the user's to fix, not something to download over.
    if ('missing' in bin && !deps.probe.env.ELECTRON_EXEC_PATH) {
      const installed = deps.runInstaller();
      const again = findElectronBinary(deps.probe);
      bin =
        'path' in again
          ? again
          : {
              missing: `Electron could not be downloaded: ${installed.ok ? 'its installer left no binary' : installFailureReason(installed.output)}`,
            };
    }
    if ('path' in bin) return deps.launchElectron(bin.path, args.appArgs);
    reason = bin.missing;
  }
  deps.log(`Lecture Companion: ${reason}, so it opens in your browser instead (same data folder as the desktop app).`);
  const web = await deps.startWeb(args.appArgs);
  deps.log(`Lecture Companion is at ${web.url}`);
  deps.log(`Your data: ${web.dataDir}. Press Ctrl+C to stop (your work is saved first).`);
  deps.openBrowser(web.url);
  return new Promise((done) => {
    deps.onStopSignal(() => {
      web.stop().then(
        () => done(0),
        (e: unknown) => {
          deps.log(`Lecture Companion: your last changes could not be saved: ${(e as Error).message}`);
          done(1);
        },
      );
    });
  });
}
