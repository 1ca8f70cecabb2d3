// The packaging config as electron-builder itself loads and validates it (its own YAML loader
// and JSON schema), so a typo in a fuse name fails here rather than in a release.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface FileSet { from?: string; to?: string; filter?: string[] | string }
interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  directories?: { output?: string; buildResources?: string };
  files?: (string | FileSet)[];
  extraResources?: (string | FileSet)[];
  electronFuses?: Record<string, boolean>;
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
});
