// `npm run icons`: every icon file from the one drawing, build/icon.svg.
// - build/icon.png (512 px): the Linux window icon (shipped as resources/icon.png) and the
//   fallback electron-builder reads when a platform has nothing more specific;
// - build/icons/NxN.png: the Linux icon set for AppImage and deb (hicolor theme sizes);
// - build/icon.ico (Windows executable and NSIS installer), build/icon.icns (macOS app and dmg);
// - renderer/public/favicon.svg: the same drawing, for the browser tab in browser mode.
// Each PNG is rendered from the SVG at its own size (crisper than scaling one bitmap down);
// ICO and ICNS are packed from a 1024 px render by png2icons, which writes every size each
// format expects. The outputs are committed, so a fresh clone does not need to run this;
// `npm run icons -- --check` fails when they no longer match the SVG.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ROOT = resolve(import.meta.dirname, '..');
export const SOURCE = 'build/icon.svg';
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICON_PNG_SIZE = 512;

export function renderPng(svg: Buffer | string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Every generated file, by path relative to the repository root. */
export function renderIcons(svg: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const renders = new Map(LINUX_SIZES.map((n) => [n, renderPng(svg, n)]));
  out.set('build/icon.png', renders.get(ICON_PNG_SIZE) ?? renderPng(svg, ICON_PNG_SIZE));
  for (const [n, png] of renders) out.set(`build/icons/${n}x${n}.png`, png);
  const big = renderPng(svg, 1024);
  // forWinExe: PNG entries from 64 px up, bitmaps below, which every Windows shell can show.
  const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0);
  png2icons.clearCache();
  if (!ico || !icns) throw new Error('png2icons could not pack the 1024 px render into ICO/ICNS');
  out.set('build/icon.ico', ico);
  out.set('build/icon.icns', icns);
  out.set('renderer/public/favicon.svg', svg);
  return out;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const files = renderIcons(readFileSync(join(ROOT, SOURCE)));
  const stale: string[] = [];
  for (const [rel, data] of files) {
    const path = join(ROOT, rel);
    if (check) {
      let current: Buffer | null = null;
      try {
        current = readFileSync(path);
      } catch {
        // missing counts as stale
      }
      if (!current?.equals(data)) stale.push(rel);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    console.log(`${rel}  ${data.length} bytes`);
  }
  if (check && stale.length) {
    console.error(`icons: out of date with ${SOURCE}: ${stale.join(', ')}. Run \`npm run icons\` and commit the result.`);
    return 1;
  }
  if (check) console.log(`icons: all ${files.size} files match ${SOURCE}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
