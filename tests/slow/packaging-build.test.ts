// Really packages the app with electron-builder (the repo's electron-builder.yml, `--linux dir`)
// against a stand-in Electron dist (where GitHub is out of reach no Electron download is
// possible; README, `npm run dist`), then inspects what would ship: app.asar's contents,
// the catalog and the window icon beside it, and the fuses flipped in the packaged binary.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, getRawHeader } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUSE_COUNT, makeStandInElectron } from '../unit/helpers/stand-in-electron';
import { CATALOG_FIXTURES, ROOT } from '../unit/helpers/fixtures';

const BUILDER = resolve(ROOT, 'node_modules/.bin/electron-builder');
const EXECUTABLE = 'lecture-companion'; // linux executableName defaults to package.json "name"

const DISABLED = 0x30; // '0' in the wire
const ENABLED = 0x31; // '1'

interface PackageJson { name: string; version: string; main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }
interface HeaderNode { files?: Record<string, HeaderNode>; link?: string; size?: number; unpacked?: boolean }
interface LockEntry { dev?: boolean; devOptional?: boolean; optional?: boolean }

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

let work = '';
let standIn = '';
let appOut = '';
let asarPath = '';
/** Every file (not directory) in app.asar, as a path relative to its root, e.g. `out/main/index.js`. */
const files: string[] = [];
/** Top-level packaged modules, e.g. `lowdb`, `@scope/name`. */
let modules: string[] = [];

function walk(node: HeaderNode, prefix: string, out: string[]): void {
  for (const [name, child] of Object.entries(node.files ?? {})) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.files) walk(child, path, out);
    else out.push(path);
  }
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` first (`npm test` builds before vitest).');
  }
  work = await mkdtemp(join(tmpdir(), 'lc-pack-'));
  standIn = join(work, 'electron-dist');
  await makeStandInElectron(standIn, '45.5.0');
  const output = join(work, 'dist');

  const started = performance.now();
  try {
    await promisify(execFile)(
      BUILDER,
      ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CI: '1' } },
    );
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed: ${err.message}\n--- stdout\n${err.stdout ?? ''}\n--- stderr\n${err.stderr ?? ''}`, { cause: e });
  }
  const seconds = (performance.now() - started) / 1000;

  appOut = join(output, 'linux-unpacked');
  asarPath = join(appOut, 'resources/app.asar');
  if (!existsSync(asarPath)) throw new Error(`no ${asarPath}; packaged: ${readdirSync(appOut, { recursive: true }).join(', ')}`);
  walk(getRawHeader(asarPath).header as HeaderNode, '', files);
  modules = [
    ...new Set(files.map((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((m): m is string => !!m)),
  ].sort();
  console.log(`packaging: electron-builder --linux dir took ${seconds.toFixed(1)} s; app.asar holds ${files.length} files (${modules.length} modules)`);
}, 300_000); // a hang guard: electron-builder took 49 s here under load (~5 s on a quiet machine)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('packaged app (electron-builder --linux dir, stand-in Electron)', () => {
  it('ships the built app and package.json inside app.asar', () => {
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(files, f).toContain(f);
    }
    // The entry point resolves inside the archive, and the built main is the one in out/.
    const packed = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as PackageJson;
    expect(packed.name).toBe(pkg.name);
    expect(packed.version).toBe(pkg.version);
    expect(files).toContain(packed.main);
    expect(extractFile(asarPath, 'out/main/index.js').equals(readFileSync(join(ROOT, 'out/main/index.js')))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('leaves tests, benchmarks, docs, scripts and sources out', () => {
    const topLevel = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(topLevel).toEqual(['node_modules', 'out', 'package.json']);
    for (const dir of ['tests/', 'bench/', 'docs/', 'scripts/', 'electron/', 'renderer/', 'resources/', 'build/']) {
      expect(files.filter((f) => f.startsWith(dir)), dir).toEqual([]);
    }
    expect(files.filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('node_modules/'))).toEqual([]);
  });

  it('holds no fixture catalog page, by name or by content', () => {
    expect(existsSync(CATALOG_FIXTURES), `fixture pages expected at ${CATALOG_FIXTURES}`).toBe(true);
    const pages = readdirSync(CATALOG_FIXTURES).filter((f) => f.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(0);
    expect(files.filter((f) => /(^|\/)ytlee-[^/]*\.md$/.test(f))).toEqual([]);
    const marks = pages.map((p) => {
      const m = /^<summary>.*$/m.exec(readFileSync(join(CATALOG_FIXTURES, p), 'utf8'));
      if (!m) throw new Error(`fixture ${p} has no <summary> line`);
      return m[0];
    });
    const carrying = files.filter((f) => {
      const text = extractFile(asarPath, f).toString('utf8');
      return marks.some((mark) => text.includes(mark));
    });
    expect(carrying).toEqual([]);
  });

  it('puts the bundled catalog beside app.asar, byte for byte', () => {
    const packed = join(appOut, 'resources/catalog.md');
    expect(existsSync(packed)).toBe(true);
    expect(readFileSync(packed).equals(readFileSync(join(ROOT, 'resources/catalog.md')))).toBe(true);
    expect(files).not.toContain('catalog.md');
  });

  it('puts the window icon beside app.asar, byte for byte', () => {
    // electron/main/index.ts hands BrowserWindow process.resourcesPath/icon.png when packaged.
    const packed = join(appOut, 'resources/icon.png');
    expect(existsSync(packed), packed).toBe(true);
    expect(readFileSync(packed).equals(readFileSync(join(ROOT, 'build/icon.png')))).toBe(true);
    expect(files.filter((f) => /\.(png|ico|icns|svg)$/.test(f) && !f.startsWith('node_modules/') && !f.startsWith('out/renderer/'))).toEqual([]);
  });

  it('packs the runtime dependencies and no devDependencies', () => {
    for (const dep of Object.keys(pkg.dependencies)) {
      expect(modules, dep).toContain(dep);
      expect(files, dep).toContain(`node_modules/${dep}/package.json`);
    }
    const dev = [...Object.keys(pkg.devDependencies), 'electron', 'vite', 'vitest', 'playwright', 'playwright-core', 'svelte-check', 'typescript'];
    const nested = (name: string) => files.some((f) => f.includes(`node_modules/${name}/`));
    expect(dev.filter(nested)).toEqual([]);
    // Exactly the production closure npm resolved: top-level lock entries that are not dev-only.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const production = Object.entries(lock.packages)
      .filter(([k, v]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(k) && !v.dev && !v.devOptional)
      .map(([k]) => k.slice('node_modules/'.length))
      .sort();
    expect(modules).toEqual(production);
  });

  it('flips the security fuses in the packaged binary', async () => {
    const exe = join(appOut, EXECUTABLE);
    expect(existsSync(exe), `${exe} (the renamed stand-in)`).toBe(true);
    expect(statSync(exe).mode & 0o111).not.toBe(0);
    const before = await getCurrentFuseWire(join(standIn, 'electron'));
    const wire = await getCurrentFuseWire(exe);
    expect(wire.version).toBe('1');
    const state = (w: typeof wire, f: FuseV1Options) => (w as unknown as Record<number, number>)[f];
    // The stand-in starts from Electron's defaults, so each of these had to be flipped.
    const want: [FuseV1Options, number][] = [
      [FuseV1Options.RunAsNode, DISABLED],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, DISABLED],
      [FuseV1Options.EnableNodeCliInspectArguments, DISABLED],
      [FuseV1Options.OnlyLoadAppFromAsar, ENABLED],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, ENABLED],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, DISABLED],
    ];
    for (const [fuse, value] of want) {
      expect(state(before, fuse), `stand-in default of ${FuseV1Options[fuse]}`).not.toBe(value);
      expect(state(wire, fuse), FuseV1Options[fuse]).toBe(value);
    }
    expect(Object.keys(wire).filter((k) => k !== 'version')).toHaveLength(FUSE_COUNT);
  });
});
