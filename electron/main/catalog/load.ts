// The catalog pages a service starts with: every page is read and hashed (catalog/read.ts), and
// the parse is taken from the start-up cache when it was written under that content key (a warm
// start decodes and parses no page); else the pages are decoded and parsed. A page that cannot
// be read becomes a warning, never a failed start.
import type { CatalogEntry, CatalogWarning } from '../../shared/types';
import { parseCatalogs } from './parse';
import { readCatalog } from './read';
import { readCatalogCache } from '../catalog-cache';

export interface LoadedCatalog {
  entries: CatalogEntry[];
  warnings: CatalogWarning[];
  /** The cache key: the pages' content and the app version. */
  key: string;
  /** True when the parsed catalog came from the cache. */
  cached: boolean;
}

export async function loadCatalog(files: string[], dataDir: string, version: string): Promise<LoadedCatalog> {
  const hashed = readCatalog(files, version, { text: false });
  const cached = readCatalogCache(dataDir, hashed.key, files);
  // Read again with the text: the key must be that of the bytes parsed, should a page change in between.
  const read = cached ? hashed : readCatalog(files, version, { text: true });
  const missing = read.unreadable.map(({ file, message }) => ({ file, line: 0, message: `could not read the catalog: ${message}` }));
  const parsed = cached ?? parseCatalogs(read.pages);
  return { entries: parsed.entries, warnings: [...missing, ...parsed.warnings], key: read.key, cached: cached !== null };
}
