// Where tests find files: the checkout, the bundled seed catalog, and the fixture pages that
// every checkout on the machine shares (../shared/fixtures beside the checkout; tests read
// them in place, never copies). Defined once, so a moved test file or folder is one edit.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The checkout's root folder (the one with package.json). */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The catalog the app ships with. */
export const SEED = join(ROOT, 'resources/catalog.md');

const SHARED = resolve(ROOT, '../shared/fixtures');
/** Real catalog pages, several editions of the channel's index. */
export const CATALOG_FIXTURES = join(SHARED, 'catalog');
/** The channel's pages as a set. */
export const CHANNEL_FIXTURES = join(SHARED, 'channel');

/** A catalog fixture page by file name. */
export function catalogPage(name: string): string {
  return join(CATALOG_FIXTURES, name);
}

/** Every `.md` page in a folder, by full path, sorted by name. */
export function pagesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(dir, f));
}
