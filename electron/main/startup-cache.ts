// What a warm start reuses instead of recomputing, in `<data>/cache/`: the parsed catalog
// (catalog-cache.ts), the courses (course-cache.ts) and, here, the packed search index of
// titles and summaries, with the sealed-file helpers they share. All are keyed by the
// catalog's content key (catalog/read.ts: a hash of the pages' names and bytes, read at
// every start, and the app version), and carry a SHA-256: a stale, damaged or foreign file
// reads as "no cache" (the caller rebuilds), never as data. Notes are never cached: they
// change while the app runs and are indexed from the store at every start. Plain Node: runs
// in the main thread and in the search worker.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StaticIndex } from './search/postings';

export const cacheFiles = { catalog: 'catalog.bin', index: 'search-index.bin' };
const INDEX_FILE = cacheFiles.index;
const DIGEST = 32;

export const cacheDir = (dataDir: string) => join(dataDir, 'cache');

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/**
 * digest + body (+ a tail the digest leaves out, which carries its own checks), through a
 * temp file and a rename so a crash leaves the old file or the new.
 */
export function writeSealed(file: string, body: Uint8Array, tail?: Uint8Array): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat(tail ? [sha256(body), body, tail] : [sha256(body), body]));
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
