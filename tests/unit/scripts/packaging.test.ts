// The packaging config as electron-builder itself loads and validates it (its own YAML loader
// and JSON schema), so a typo in a fuse name fails here rather than in a release.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icnsChunks, icoEntries, pngSize } from '../helpers/icon-files';
import { ROOT } from '../helpers/fixtures';

const require = createRequire(import.meta.url);

interface FileSet { from?: string; to?: string; filter?: string[] | string }
interface PlatformConfig { target?: string | string[]; icon?: string; [key: string]: unknown }
interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  directories?: { output?: string; buildResources?: string };
  files?: (string | FileSet)[];
  extraResources?: (string | FileSet)[];
  electronFuses?: Record<string, boolean>;
  linux?: PlatformConfig;
  win?: PlatformConfig;
  mac?: PlatformConfig;
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, path: string | null, opts: null): Promise<BuilderConfig>;
    validateConfiguration(c: BuilderConfig, log: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const patterns = (sets: (string | FileSet)[] | undefined): string[] =>
  (sets ?? []).flatMap((s) => (typeof s === 'string' ? [s] : [...(s.from ? [s.from] : []), ...[s.filter ?? []].flat()]));

describe('electron-builder.yml', () => {
  it('is valid and names the app', async () => {
    const c = await loadConfig();
    expect(c.productName).toBe('Lecture Companion');
    expect(c.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(c.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(c.asar).toBe(true);
  });

  it('flips the security fuses', async () => {
    const f = (await loadConfig()).electronFuses;
    expect(f).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the built app, and the catalog and window icon as extra resources', async () => {
    const c = await loadConfig();
    const included = patterns(c.files).filter((p) => !p.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    for (const p of [...patterns(c.files), ...patterns(c.extraResources)]) {
      expect(p).not.toMatch(/(^|\/)(tests?|fixtures|shared|src|renderer|electron)(\/|$)|\.\./);
    }
    expect(c.extraResources).toEqual([
      { from: 'resources/catalog.md', to: 'catalog.md' },
      // electron/main/index.ts gives BrowserWindow process.resourcesPath/icon.png when packaged
      { from: 'build/icon.png', to: 'icon.png' },
    ]);
  });

  it('declares installers for each OS: AppImage and deb, NSIS, dmg', async () => {
    const c = await loadConfig();
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.win?.target).toBe('nsis');
    expect(c.mac?.target).toBe('dmg');
  });

  it("points each OS at an icon file that exists, in that OS's format", async () => {
    const c = await loadConfig();
    const linux = join(ROOT, c.linux!.icon!);
    const set = readdirSync(linux).filter((f) => f.endsWith('.png'));
    expect(set.length).toBeGreaterThanOrEqual(4);
    for (const f of set) {
      const n = Number(/^(\d+)x\1\.png$/.exec(f)?.[1]);
      expect(n, `${f}: electron-builder reads the size from the name`).toBeGreaterThan(0);
      expect(pngSize(readFileSync(join(linux, f))), f).toEqual({ width: n, height: n });
    }
    expect(set).toContain('256x256.png'); // the size deb and AppImage put in hicolor/ and .DirIcon
    expect(c.win!.icon).toMatch(/\.ico$/);
    expect(icoEntries(readFileSync(join(ROOT, c.win!.icon!))).map((e) => e.width)).toContain(256); // NSIS and rcedit want 256
    expect(c.mac!.icon).toMatch(/\.icns$/);
    expect([...icnsChunks(readFileSync(join(ROOT, c.mac!.icon!))).keys()]).toContain('ic10'); // 512@2x
    expect(existsSync(join(ROOT, 'build/icon.png'))).toBe(true);
  });

  it('gives deb the metadata it refuses to build without, and the window its desktop entry', async () => {
    const c = await loadConfig();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string; desktopName?: string; name: string };
    // FpmTarget.computeFpmMetaInfoOptions: a homepage (or a GitHub repository) and a maintainer
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(c.linux!.maintainer).toBeTruthy();
    // Electron sets the window's app_id / WM_CLASS from desktopName; syncDesktopName names the
    // installed .desktop file the same, so a dock matches the window to its entry and icon.
    expect(pkg.desktopName).toBe(`${pkg.name}.desktop`);
    expect(c.linux!.syncDesktopName).toBe(true);
  });
});
