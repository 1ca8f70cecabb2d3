// The real fixture pages plus the seed, merged the way the app merges editions.
import { readFileSync } from 'node:fs';
import { parseCatalogs } from '../../../electron/main/catalog/parse';
import type { SearchDoc } from '../../../electron/main/search/index';
import { CATALOG_FIXTURES, pagesIn, SEED } from '../helpers/fixtures';


export function fixtureDocs(): SearchDoc[] {
  const files = [...pagesIn(CATALOG_FIXTURES), SEED];
  const { entries } = parseCatalogs(files.map((f) => ({ text: readFileSync(f, 'utf8'), file: f })));
  return entries.map((e) => ({ videoId: e.videoId, title: e.title, summary: e.summary, note: '' }));
}
