// `npm run dist [-- ARGS]`: build the app, then package it with electron-builder for the host's
// own platform (the targets per OS are in electron-builder.yml: AppImage and deb on Linux, NSIS
// on Windows, dmg on macOS). ARGS go to electron-builder as they are; naming a platform there
// (`--linux dir`, `--win`, …) replaces the host default.
//
// electron-builder downloads Electron and each target's tools from GitHub on first use. Where
// that fails, its own output ends in a stack trace; this script passes the output through
// without the stack frames and ends with one plain line saying what could not be had and what
// still works.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

const PLATFORM_FLAGS: Partial<Record<NodeJS.Platform, string>> = { linux: '--linux', win32: '--win', darwin: '--mac' };
/** electron-builder's platform options (its cli: --mac/-m/-o/--macos, --linux/-l, --win/-w/--windows). */
const PLATFORM_ARG = /^(--mac|--macos|-m|-o|--linux|-l|--win|--windows|-w)$/;
const PUBLISH_ARG = /^(--publish|-p)(=|$)/;

/** The electron-builder command line for `npm run dist -- ...extra` on `platform`. */
export function builderArgs(platform: NodeJS.Platform, extra: readonly string[]): string[] {
  const args = [...extra];
  if (!args.some((a) => PLATFORM_ARG.test(a))) {
    const flag = PLATFORM_FLAGS[platform];
    if (!flag) throw new Error(`dist: electron-builder has no targets for ${platform}; name one (--linux, --win or --mac)`);
    args.unshift(flag);
  }
  // Never upload anything from a local build.
  if (!args.some((a) => PUBLISH_ARG.test(a))) args.push('--publish', 'never');
  return args;
}

const NETWORK_ERROR = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed)\b/;

/** What each target downloads (electron-userland/electron-builder-binaries) before it can build. */
const TOOLS: Record<string, string> = {
  appimage: 'appimagetool and the AppImage runtime',
  deb: 'fpm',
  rpm: 'fpm',
  pacman: 'fpm',
  snap: 'snap templates',
  nsis: 'NSIS',
  dmg: 'dmgbuild',
};

/**
 * One plain line for a failed electron-builder run whose output is `log`, or null when the
 * failure was not a download (then electron-builder's own message is the one to read).
 */
export function explainFailure(log: string): string | null {
  const lines = log.split(/\r?\n/);
  const failed = lines.findIndex((l) => /⨯/.test(l) && NETWORK_ERROR.test(l));
  if (failed < 0) return null;
  const host = /\b(?:ENOTFOUND|EAI_AGAIN)\s+([\w.-]+)/.exec(lines[failed]!)?.[1] ?? 'the network';
  const code = NETWORK_ERROR.exec(lines[failed]!)?.[1];
  // The last step electron-builder announced before the error says what it was fetching.
  let appOutDir: string | null = null;
  let target: string | null = null;
  for (const l of lines.slice(0, failed)) {
    const packing = /•\s+packaging\s.*\bappOutDir=(.+?)\s*$/.exec(l);
    if (packing) [appOutDir, target] = [packing[1]!, null];
    const building = /•\s+building\s+target=(\S+)/.exec(l);
    if (building) target = building[1]!;
  }
  const version = /electronVersion=(\S+)/.exec(log)?.[1] ?? /electron=(\S+)/.exec(log)?.[1];
  const why = `${host} cannot be reached (${code})`;
  if (appOutDir && target) {
    const tool = TOOLS[target.toLowerCase()] ?? `the tools for ${target}`;
    return (
      `dist: packed the app into ${appOutDir}, but could not build ${target}: electron-builder downloads ${tool} ` +
      `from GitHub, and ${why}. Build installers on a machine that reaches GitHub; here, ` +
      '`npm run dist -- -c.electronDist=DIR --linux dir` packs the unpacked app only.'
    );
  }
  return (
    `dist: nothing was packed: electron-builder downloads Electron${version ? ` ${version}` : ''} from GitHub, and ${why}. ` +
    'Give it an unpacked Electron with `npm run dist -- -c.electronDist=DIR` (a folder holding the `electron` executable ' +
    'and a `version` file), or set ELECTRON_MIRROR.'
  );
}

/**
 * Passes output through line by line, minus the stack frames under a download error (they
 * point into got/http internals and say nothing the error line does not).
 */
export function quietStackFrames(): (line: string) => string | null {
  let inNetworkTrace = false;
  return (line) => {
    if (NETWORK_ERROR.test(line)) {
      inNetworkTrace = true;
      return line.replace(/\s+stackTrace=.*$/, '');
    }
    if (inNetworkTrace && /^\s+at\s/.test(line)) return null;
    inNetworkTrace = false;
    return line;
  };
}

const require = createRequire(import.meta.url);
const binOf = (pkg: string, bin: string) => join(dirname(require.resolve(`${pkg}/package.json`)), bin);

function run(script: string, args: string[], onLine?: (line: string, stream: NodeJS.WriteStream) => void): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      stdio: ['inherit', onLine ? 'pipe' : 'inherit', onLine ? 'pipe' : 'inherit'],
    });
    if (onLine) {
      for (const [from, to] of [
        [child.stdout!, process.stdout],
        [child.stderr!, process.stderr],
      ] as const) {
        let rest = '';
        from.setEncoding('utf8');
        from.on('data', (chunk: string) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop()!;
          for (const p of parts) onLine(p, to);
        });
        from.on('end', () => rest && onLine(rest, to));
      }
    }
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

async function main(extra: string[]): Promise<number> {
  const built = await run(binOf('electron-vite', 'bin/electron-vite.js'), ['build']);
  if (built !== 0) return built;
  const args = builderArgs(process.platform, extra);
  console.log(`dist: electron-builder ${args.join(' ')}`);
  const quiet = quietStackFrames();
  const log: string[] = [];
  const code = await run(binOf('electron-builder', 'cli.js'), args, (line, to) => {
    log.push(line);
    const shown = quiet(line);
    if (shown !== null) to.write(`${shown}\n`);
  });
  if (code !== 0) {
    const plain = explainFailure(log.join('\n'));
    if (plain) console.error(`\n${plain}`);
  }
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exitCode = 1;
    },
  );
}
