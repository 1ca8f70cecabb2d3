// The committed icon files (build/, the favicon) are what `npm run icons` makes from
// build/icon.svg today, and each holds the sizes its platform looks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_PNG_SIZE, LINUX_SIZES, renderIcons, ROOT, SOURCE } from '../../../scripts/icons';
import { icnsChunks, icoEntries, pngSize } from '../helpers/icon-files';

const read = (rel: string) => readFileSync(join(ROOT, rel));

describe('build/icon.svg', () => {
  it('is a square SVG with no text (no font to depend on) and nothing remote', () => {
    const svg = read(SOURCE).toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
    expect(svg).not.toMatch(/<text|<image|href=|@import|url\((?!#)/);
  });

  it('is also the renderer favicon', () => {
    expect(read('renderer/public/favicon.svg').equals(read(SOURCE))).toBe(true);
  });
});

describe('generated icon files', () => {
  it('match a fresh `npm run icons`, byte for byte', () => {
    const fresh = renderIcons(read(SOURCE));
    const stale = [...fresh].filter(([rel, data]) => !read(rel).equals(data)).map(([rel]) => rel);
    expect(stale, 'out of date with build/icon.svg: run `npm run icons` and commit').toEqual([]);
    expect([...fresh.keys()].sort()).toEqual(
      ['build/icon.png', 'build/icon.ico', 'build/icon.icns', 'renderer/public/favicon.svg', ...LINUX_SIZES.map((n) => `build/icons/${n}x${n}.png`)].sort(),
    );
    // Hang guard only: about 4 s of CPU; 8 s quiet and 21 s with the machine's load at 18 on 2 cores.
  }, 300_000);

  it('build/icon.png and the Linux set are PNGs of the size their names say', () => {
    expect(pngSize(read('build/icon.png'))).toEqual({ width: ICON_PNG_SIZE, height: ICON_PNG_SIZE });
    for (const n of LINUX_SIZES) expect(pngSize(read(`build/icons/${n}x${n}.png`)), `${n}x${n}`).toEqual({ width: n, height: n });
  });

  it('build/icon.ico holds 16 to 256 px, 32-bit, bitmaps below 64 px for older Windows shells', () => {
    const entries = icoEntries(read('build/icon.ico'));
    const sizes = entries.map((e) => e.width);
    for (const n of [16, 24, 32, 48, 64, 128, 256]) expect(sizes, `${n} px`).toContain(n);
    for (const e of entries) {
      expect(e.height).toBe(e.width);
      expect(e.bitsPerPixel).toBe(32);
      expect(e.png, `${e.width} px entry`).toBe(e.width >= 64);
    }
  });

  it('build/icon.icns holds every size macOS asks for, up to 512@2x', () => {
    const chunks = icnsChunks(read('build/icon.icns'));
    // PNG chunk types and their pixel sizes (ic11-ic14 are the @2x ones)
    const png: Record<string, number> = { ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const [type, n] of Object.entries(png)) {
      expect(chunks.has(type), type).toBe(true);
      expect(pngSize(chunks.get(type)!), type).toEqual({ width: n, height: n });
    }
    // 16 and 32 px as the classic RGB + 8-bit mask pairs, for older macOS
    for (const type of ['is32', 's8mk', 'il32', 'l8mk']) expect(chunks.has(type), type).toBe(true);
    expect(chunks.get('s8mk')!.length).toBe(16 * 16);
    expect(chunks.get('l8mk')!.length).toBe(32 * 32);
  });
});
