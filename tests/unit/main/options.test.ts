import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseOptions } from '../../../electron/main/options';

const BUNDLED = '/app/resources/catalog.md';

describe('parseOptions (npm run web and the app)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('takes the bundled catalog and port 0 when given nothing, and LC_DATA_DIR as the folder', () => {
    vi.stubEnv('LC_DATA_DIR', '/data/lc');
    expect(parseOptions([], BUNDLED)).toEqual({ dataDir: '/data/lc', catalogs: [BUNDLED], port: 0 });
  });

  it('reads --data-dir, --port and --catalog, separate or with =, resolving paths', () => {
    expect(parseOptions(['--data-dir', 'd', '--port=8080', '--catalog=a.md'], BUNDLED)).toEqual({
      dataDir: resolve('d'),
      catalogs: [resolve('a.md')],
      port: 8080,
    });
  });

  it('--catalog takes every word up to the next option, and may repeat', () => {
    const o = parseOptions(['--catalog', 'a.md', 'b.md', '--port', '1', '--catalog', 'c.md'], BUNDLED);
    expect(o.catalogs).toEqual(['a.md', 'b.md', 'c.md'].map((f) => resolve(f)));
    expect(o.port).toBe(1);
  });

  it('says which option lacks its value', () => {
    expect(() => parseOptions(['--data-dir'], BUNDLED)).toThrow('--data-dir needs a value');
    expect(() => parseOptions(['--data-dir', '--port', '3'], BUNDLED)).toThrow('--data-dir needs a value');
    expect(() => parseOptions(['--catalog'], BUNDLED)).toThrow('--catalog needs a value');
  });

  it('refuses a port outside 0–65535 or not a whole number', () => {
    for (const p of ['65536', '-1', '80.5', 'http']) expect(() => parseOptions(['--port', p], BUNDLED), p).toThrow('--port must be 0–65535');
  });

  it('refuses unknown options and stray words outside Electron', () => {
    expect(() => parseOptions(['--verbose'], BUNDLED)).toThrow('unknown option --verbose');
    expect(() => parseOptions(['-v'], BUNDLED)).toThrow('unknown option -v');
    expect(() => parseOptions(['--port', '1', 'extra'], BUNDLED)).toThrow('unknown option extra');
  });

  it('inside Electron passes over the switches Electron and Chromium add', () => {
    vi.stubGlobal('process', { ...process, versions: { ...process.versions, electron: '45.0.0' } });
    try {
      const o = parseOptions(['--no-sandbox', '--enable-features=X', '--data-dir', 'd', '.'], BUNDLED);
      expect(o.dataDir).toBe(resolve('d'));
      expect(o.catalogs).toEqual([BUNDLED]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
