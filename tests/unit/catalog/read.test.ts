// The catalog's content key (catalog/read.ts) on real files in a temp folder: it follows the
// pages' bytes, names, order and the app version, and nothing else (not a file's time); the
// text it decodes is the page's, also where a character spans two of its read chunks.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCatalog } from '../../../electron/main/catalog/read';
import { CATALOG_FIXTURES, pagesIn, SEED } from '../helpers/fixtures';
import { tempDir } from '../helpers/service';
import { nth } from '../helpers/nth';

const FILES = [SEED, ...pagesIn(CATALOG_FIXTURES)];
const keyOf = (files: string[], version = '1.0.0') => readCatalog(files, version, { text: false }).key;

/** A copy of the seed in a fresh folder, its time set to a whole second so it can be set back exactly. */
function seedCopy(): string {
  const page = join(tempDir(), 'catalog.md');
  copyFileSync(SEED, page);
  utimesSync(page, 1_700_000_000, 1_700_000_000);
  return page;
}

describe('catalog content key', () => {
  it('reads every page as readFileSync does, with the same key with or without the text', () => {
    const read = readCatalog(FILES, '1.0.0', { text: true });
    expect(read.pages).toEqual(FILES.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
    expect(read.unreadable).toEqual([]);
    expect(read.key).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf(FILES)).toBe(read.key);
  });

  it('decodes a character cut by a chunk boundary whole', () => {
    // 3-byte characters over more than one 1 MiB chunk: 2^20 is not a multiple of 3.
    const page = join(tempDir(), 'big.md');
    const text = `<details>\n${'學'.repeat(400_000)}\n</details>\n`;
    writeFileSync(page, text);
    expect(statSync(page).size).toBeGreaterThan(1 << 20);
    expect(readCatalog([page], '1.0.0', { text: true }).pages).toEqual([{ file: page, text }]);
  });

  it('changes when a byte changes, even with the same size and time', () => {
    const page = seedCopy();
    const before = statSync(page);
    const key = keyOf([page]);
    const text = readFileSync(page, 'utf8');
    const at = text.indexOf('Domain');
    expect(at).toBeGreaterThan(0);
    writeFileSync(page, text.slice(0, at) + 'Quokka' + text.slice(at + 6));
    utimesSync(page, before.atime, before.mtime);
    const after = statSync(page);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(keyOf([page])).not.toBe(key);
  });

  it('follows the app version, the pages and their order, and not a file time', () => {
    const page = seedCopy();
    const key = keyOf([page]);
    utimesSync(page, 1_800_000_000, 1_800_000_000);
    expect(keyOf([page])).toBe(key);
    expect(keyOf([page], '1.0.1')).not.toBe(key);
    // The same bytes under another name: warnings quote the name.
    const renamed = join(tempDir(), 'catalog.md');
    copyFileSync(page, renamed);
    expect(keyOf([renamed])).not.toBe(key);
    const [a, b] = [nth(FILES, 0), nth(FILES, 1)];
    expect(keyOf([a, b])).not.toBe(keyOf([b, a]));
    expect(keyOf([a, b])).not.toBe(keyOf([a]));
  });

  it('lists a page it cannot read and leaves it out of the key', () => {
    const missing = join(tempDir(), 'gone.md');
    const read = readCatalog([SEED, missing], '1.0.0', { text: true });
    expect(read.unreadable.map((u) => u.file)).toEqual([missing]);
    expect(read.unreadable[0]?.message).toMatch(/ENOENT/);
    expect(read.pages.map((p) => p.file)).toEqual([SEED]);
    expect(read.key).toBe(keyOf([SEED]));
  });
});
