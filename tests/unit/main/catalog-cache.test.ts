// The parsed-catalog cache (catalog-cache.ts) on real temp folders and real catalog pages:
// a warm read gives back every entry with its summary, reads no summary until one is asked
// for, and a damaged summary is taken from the page itself, never served damaged.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogs } from '../../../electron/main/catalog/parse';
import { hasSummary, readCatalogCache, writeCatalogCache } from '../../../electron/main/catalog-cache';
import { cacheDir, cacheFiles } from '../../../electron/main/startup-cache';
import { readCatalog } from '../../../electron/main/catalog/read';
import { CATALOG_FIXTURES, pagesIn, SEED } from '../helpers/fixtures';
import { tempDir } from '../helpers/service';
import { nth } from '../helpers/nth';

const files = [SEED, ...pagesIn(CATALOG_FIXTURES)];
const pages = files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const parsed = parseCatalogs(pages);
const key = readCatalog(files, '1.0.0', { text: false }).key;
const plain = (e: { summary: string }) => ({ ...e, summary: e.summary });

function written(): string {
  const dir = tempDir();
  writeCatalogCache(dir, key, parsed);
  return dir;
}
const read = (dir: string, under = key) => readCatalogCache(dir, under, files);
const cacheFile = (dir: string) => join(cacheDir(dir), cacheFiles.catalog);

describe('catalog cache', () => {
  it('gives back every entry, summary and warning as parsed, under the key it was written with', () => {
    const got = read(written())!;
    expect(got.warnings).toEqual(parsed.warnings);
    expect(got.entries.map(plain)).toEqual(parsed.entries);
    expect(got.entries.map(hasSummary)).toEqual(parsed.entries.map((e) => e.summary.trim() !== ''));
    expect(parsed.entries.some((e) => e.summary.trim() === '')).toBe(true);
  });

  it('reads no summary until one is asked for', () => {
    const dir = written();
    const got = read(dir)!;
    // With the summaries gone from under it, the list's facts still hold ...
    unlinkSync(cacheFile(dir));
    expect(got.entries.map(hasSummary)).toEqual(parsed.entries.map((e) => e.summary.trim() !== ''));
    expect(got.entries.map((e) => e.title)).toEqual(parsed.entries.map((e) => e.title));
    // ... and a summary asked for now comes from the page itself.
    const e = nth(got.entries, 5);
    expect(e.summary).toBe(nth(parsed.entries, 5).summary);
  });

  it('a damaged summary is read from the page, and the file is dropped for the next start', () => {
    const dir = written();
    const i = parsed.entries.findIndex((e) => e.summary.length > 100);
    const before = parsed.entries.slice(0, i).reduce((n, e) => n + e.summary.length, 0);
    const buf = readFileSync(cacheFile(dir));
    const at = buf.length - (parsed.entries.reduce((n, e) => n + e.summary.length, 0) - before - 10) * 2;
    buf[at] = nth(buf, at) ^ 0x01;
    writeFileSync(cacheFile(dir), buf);
    const got = read(dir)!;
    expect(got).not.toBeNull(); // the head is whole: the damage shows only when the summary is read
    expect(nth(got.entries, i).summary).toBe(nth(parsed.entries, i).summary);
    expect(existsSync(cacheFile(dir))).toBe(false);
    expect(got.entries.map(plain)).toEqual(parsed.entries);
  });

  it('a damaged head, a cut or grown file, or another content key mean no cache', () => {
    const flipped = written();
    const buf = readFileSync(cacheFile(flipped));
    buf[100] = nth(buf, 100) ^ 0x20;
    writeFileSync(cacheFile(flipped), buf);
    expect(read(flipped)).toBeNull();

    const cut = written();
    truncateSync(cacheFile(cut), statSync(cacheFile(cut)).size - 2);
    expect(read(cut)).toBeNull();

    const grown = written();
    writeFileSync(cacheFile(grown), Buffer.concat([readFileSync(cacheFile(grown)), Buffer.alloc(2)]));
    expect(read(grown)).toBeNull();

    const garbage = written();
    writeFileSync(cacheFile(garbage), 'not a cache');
    expect(read(garbage)).toBeNull();

    // Another app version or other pages (catalog/read.test.ts: what changes the key).
    expect(read(written(), readCatalog(files, '1.0.1', { text: false }).key)).toBeNull();
    expect(read(written(), readCatalog(files.slice(1), '1.0.0', { text: false }).key)).toBeNull();
  });
});
