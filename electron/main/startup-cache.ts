// What a warm start reuses instead of recomputing: the parsed catalog and the packed search
// index of its titles and summaries, in `<data>/cache/`. Both are keyed by the catalog
// pages' content (and file names, which warnings quote) and the app version (the catalog
// file's size and time stand for its content on a warm start, see Source), and carry a
// SHA-256 of their bytes: a stale, damaged or foreign file reads as "no cache" (the caller
// rebuilds), never as data. Notes are never cached: they change while the app runs and
// are indexed from the store at every start. Plain Node: runs in the main thread and in
// the search worker.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry, ParseResult } from '../shared/types';
import { StaticIndex } from './search/postings';

export interface Page {
  text: string;
  file: string;
}

const CATALOG_FILE = 'catalog.bin';
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
export function writeSealed(file: string, body: Uint8Array): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([sha256(body), body]));
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never written */
    }
    throw e;
  }
}

/** The body of a sealed file, or null when it is missing or its digest does not match. */
export function readSealed(file: string): Buffer | null {
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

/**
 * What a catalog file looked like when its cache was written. As in git's index, an
 * unchanged size and modification time stand for unchanged bytes, so a warm start
 * neither reads nor hashes 14 MB of catalog; any difference means reading it again.
 */
export interface Source {
  file: string;
  size: number;
  mtimeMs: number;
}

export function statSources(files: string[]): Source[] | null {
  try {
    return files.map((file) => {
      const st = statSync(file);
      return { file, size: st.size, mtimeMs: st.mtimeMs };
    });
  } catch {
    return null; // unreadable: the caller reads (and warns) the slow way
  }
}

const sameSources = (a: Source[], b: Source[]) =>
  a.length === b.length &&
  a.every((s, i) => {
    const t = b[i];
    return t !== undefined && s.file === t.file && s.size === t.size && s.mtimeMs === t.mtimeMs;
  });

interface CatalogHead {
  key: string;
  appVersion: string;
  sources: Source[];
  warnings: ParseResult['warnings'];
  /**
   * Entries without their summaries, which follow the head as one UTF-16 block: decoding
   * UTF-16 is a copy, decoding 20 MB of mostly Chinese UTF-8 took ~2× as long.
   */
  entries: (Omit<CatalogEntry, 'summary'> & { summaryLength: number })[];
}

function isHead(x: unknown): x is CatalogHead {
  if (!x || typeof x !== 'object') return false;
  const h = x as CatalogHead;
  if (
    typeof h.key !== 'string' ||
    typeof h.appVersion !== 'string' ||
    !Array.isArray(h.sources) ||
    !Array.isArray(h.entries) ||
    !Array.isArray(h.warnings)
  )
    return false;
  for (const e of h.entries) {
    if (
      !e ||
      typeof e.videoId !== 'string' ||
      typeof e.title !== 'string' ||
      typeof e.summaryLength !== 'number' ||
      typeof e.index !== 'number' ||
      typeof e.line !== 'number' ||
      (e.date !== null && typeof e.date !== 'string')
    )
      return false;
  }
  return h.warnings.every((w) => w && typeof w.file === 'string' && typeof w.line === 'number' && typeof w.message === 'string');
}

/**
 * The cached parse of `files`, when their sizes and times are as recorded and the app
 * version matches; with the content key it was written under.
 */
export function readCatalogCache(
  dataDir: string,
  appVersion: string,
  sources: Source[] | null,
): { key: string; result: ParseResult } | null {
  if (!sources) return null;
  const body = readSealed(join(cacheDir(dataDir), CATALOG_FILE));
  if (!body || body.length < 4) return null;
  try {
    const headLen = body.readUInt32LE(0);
    const head: unknown = JSON.parse(body.toString('utf8', 4, 4 + headLen));
    if (!isHead(head) || head.appVersion !== appVersion || !sameSources(head.sources, sources)) return null;
    if ((body.length - 4 - headLen) % 2 !== 0) return null;
    const all = body.toString('utf16le', 4 + headLen);
    let at = 0;
    const entries: CatalogEntry[] = head.entries.map(({ summaryLength, ...e }) => {
      const summary = all.slice(at, at + summaryLength);
      at += summaryLength;
      return { ...e, summary };
    });
    if (at !== all.length) return null;
    return { key: head.key, result: { entries, warnings: head.warnings } };
  } catch {
    return null;
  }
}

export function writeCatalogCache(dataDir: string, head: Pick<CatalogHead, 'key' | 'appVersion' | 'sources'>, result: ParseResult): void {
  const full: CatalogHead = {
    ...head,
    warnings: result.warnings,
    entries: result.entries.map(({ summary, ...e }) => ({ ...e, summaryLength: summary.length })),
  };
  const headBytes = Buffer.from(JSON.stringify(full));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(headBytes.length, 0);
  writeSealed(
    join(cacheDir(dataDir), CATALOG_FILE),
    Buffer.concat([len, headBytes, Buffer.from(result.entries.map((e) => e.summary).join(''), 'utf16le')]),
  );
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
