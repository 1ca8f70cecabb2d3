// What a warm start reuses instead of recomputing: the parsed catalog and the packed search
// index of its titles and summaries, in `<data>/cache/`. Both are keyed by the catalog
// pages' content (and file names, which warnings quote) and the app version, and carry a
// SHA-256 of their bytes: a stale, damaged or foreign file reads as "no cache" (the caller
// rebuilds), never as data. Notes are never cached: they change while the app runs and
// are indexed from the store at every start. Plain Node: runs in the main thread and in
// the search worker.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseResult } from '../shared/types';
import { StaticIndex } from './search/postings';

export interface Page {
  text: string;
  file: string;
}

const CATALOG_FILE = 'catalog.json';
const INDEX_FILE = 'search-index.bin';
const DIGEST = 32;

export const cacheDir = (dataDir: string) => join(dataDir, 'cache');

/** The pages' identity: their names and bytes, in order, and the app's version. */
export function catalogKey(pages: Page[], appVersion: string): string {
  const h = createHash('sha256');
  h.update(`lecture-companion ${appVersion}\0`);
  for (const p of pages) h.update(`${p.file}\0${p.text.length}\0`).update(p.text).update('\0');
  return h.digest('hex');
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** digest + body, through a temp file and a rename so a crash leaves the old file or the new. */
function writeSealed(file: string, body: Uint8Array): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([sha256(body), body]));
    renameSync(tmp, file);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* never written */ }
    throw e;
  }
}

/** The body of a sealed file, or null when it is missing or its digest does not match. */
function readSealed(file: string): Buffer | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  if (buf.length < DIGEST) return null;
  const body = buf.subarray(DIGEST);
  return sha256(body).equals(buf.subarray(0, DIGEST)) ? body : null;
}

// ---- the parsed catalog ----

function isParseResult(x: unknown): x is ParseResult {
  if (!x || typeof x !== 'object') return false;
  const r = x as ParseResult;
  if (!Array.isArray(r.entries) || !Array.isArray(r.warnings)) return false;
  for (const e of r.entries) {
    if (!e || typeof e.videoId !== 'string' || typeof e.title !== 'string' || typeof e.summary !== 'string'
      || typeof e.index !== 'number' || typeof e.line !== 'number' || (e.date !== null && typeof e.date !== 'string')) return false;
  }
  return r.warnings.every((w) => w && typeof w.file === 'string' && typeof w.line === 'number' && typeof w.message === 'string');
}

export function readCatalogCache(dataDir: string, key: string): ParseResult | null {
  const body = readSealed(join(cacheDir(dataDir), CATALOG_FILE));
  if (!body) return null;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { key?: unknown; result?: unknown };
    return parsed.key === key && isParseResult(parsed.result) ? parsed.result : null;
  } catch {
    return null;
  }
}

export function writeCatalogCache(dataDir: string, key: string, result: ParseResult): void {
  writeSealed(join(cacheDir(dataDir), CATALOG_FILE), Buffer.from(JSON.stringify({ key, result })));
}

// ---- the packed search index (titles and summaries) ----

/** The cached index's bytes (already checked), or null. */
export function readIndexCache(dataDir: string, key: string): Uint8Array | null {
  const body = readSealed(join(cacheDir(dataDir), INDEX_FILE));
  if (!body) return null;
  try {
    const { meta } = StaticIndex.fromBuffer(body);
    return meta.key === key ? body : null;
  } catch {
    return null;
  }
}

export function writeIndexCache(dataDir: string, bytes: Uint8Array): void {
  writeSealed(join(cacheDir(dataDir), INDEX_FILE), bytes);
}

export const cacheFiles = { catalog: CATALOG_FILE, index: INDEX_FILE };
