// The packed index for a set of catalog pages: from the cache when it matches, otherwise
// parsed and built, and then cached (with the parsed catalog) for the next start. Slow on
// a cold start (seconds at 10,000 entries), so it runs in a worker thread (worker.ts);
// in-process only as a fallback.
import { parseCatalogs } from '../catalog/parse';
import { readCatalogCache, readIndexCache, writeCatalogCache, writeIndexCache, type Page } from '../startup-cache';
import { StaticBuilder } from './postings';

export interface IndexJob {
  pages: Page[];
  /** Where the cache lives; null: build only. */
  dataDir: string | null;
  key: string;
  /** The main thread found no usable parsed-catalog cache: write one. */
  catalogMissing: boolean;
}

export interface Prepared {
  bytes: Uint8Array;
  from: 'cache' | 'build';
}

export function prepareIndex(job: IndexJob): Prepared {
  let parsed = job.dataDir && !job.catalogMissing ? readCatalogCache(job.dataDir, job.key) : null;
  if (!parsed) {
    parsed = parseCatalogs(job.pages);
    if (job.dataDir) tryWrite(() => writeCatalogCache(job.dataDir!, job.key, parsed!));
  }
  if (job.dataDir) {
    const cached = readIndexCache(job.dataDir, job.key);
    if (cached) return { bytes: cached, from: 'cache' };
  }
  const builder = new StaticBuilder();
  for (const e of parsed.entries) builder.add(e);
  const bytes = builder.finish().toBuffer({ key: job.key });
  if (job.dataDir) tryWrite(() => writeIndexCache(job.dataDir!, bytes));
  return { bytes, from: 'build' };
}

/** A cache that cannot be written (full disk, read-only folder) costs the next start time, nothing else. */
function tryWrite(write: () => void): void {
  try {
    write();
  } catch (e) {
    process.stderr.write(`Lecture Companion: could not write the start-up cache: ${(e as Error).message}\n`);
  }
}
