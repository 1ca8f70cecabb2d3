// The packed index for a set of catalog pages: from the cache when it matches, otherwise
// parsed and built, and then cached (with the parsed catalog) for the next start. Slow on
// a cold start (seconds at 10,000 entries), so it runs in a worker thread (worker.ts);
// in-process only as a fallback.
import { parseCatalogs } from '../catalog/parse';
import { readCatalog } from '../catalog/read';
import { readIndexCache, writeIndexCache } from '../startup-cache';
import { writeCatalogCache } from '../catalog-cache';
import { StaticBuilder } from './postings';

export interface IndexJob {
  /** The catalog files, read here only when the index must be built. */
  files: string[];
  /** Where the cache lives; null: build only. */
  dataDir: string | null;
  /** The content key the main thread has for these files, and the app version in it. */
  key: string;
  appVersion: string;
  /** The main thread found no usable parsed-catalog cache: write one. */
  catalogMissing: boolean;
}

export interface Prepared {
  bytes: Uint8Array;
  from: 'cache' | 'build';
}

export function prepareIndex(job: IndexJob): Prepared {
  if (job.dataDir && !job.catalogMissing) {
    const cached = readIndexCache(job.dataDir, job.key);
    if (cached) return { bytes: cached, from: 'cache' };
  }
  // A page that cannot be read: the main thread warned about it and left it out of the key as well.
  const { key, pages } = readCatalog(job.files, job.appVersion, { text: true });
  // Built from other bytes than the main thread parsed, the index would answer wrongly.
  if (key !== job.key) throw new Error('the catalog changed while the app was starting');
  const parsed = parseCatalogs(pages);
  if (job.dataDir && job.catalogMissing) tryWrite(() => writeCatalogCache(job.dataDir!, job.key, parsed));
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
