// The catalog pages a service starts with: taken parsed from the start-up cache when the pages'
// sizes and times are as recorded (a warm start reads no page), else read, keyed by content and
// parsed. A page that cannot be read becomes a warning, never a failed start.
import { readFile } from 'node:fs/promises';
import type { CatalogEntry, CatalogWarning } from '../../shared/types';
import { parseCatalogs } from './parse';
import { catalogKey, statSources, type Page } from '../startup-cache';
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
  const cached = readCatalogCache(dataDir, version, statSources(files));
  if (cached) return { entries: cached.result.entries, warnings: cached.result.warnings, key: cached.key, cached: true };
  const pages: Page[] = [];
  const missing: CatalogWarning[] = [];
  for (const file of files) {
    try {
      pages.push({ text: await readFile(file, 'utf8'), file });
    } catch (e) {
      missing.push({ file, line: 0, message: `could not read the catalog: ${(e as Error).message}` });
    }
  }
  const parsed = parseCatalogs(pages);
  return { entries: parsed.entries, warnings: [...missing, ...parsed.warnings], key: catalogKey(pages, version), cached: false };
}
