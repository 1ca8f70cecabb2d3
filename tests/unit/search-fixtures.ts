// The real fixture pages plus the seed, merged the way the app merges editions.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCatalogs } from '../../electron/main/catalog/parse';
import type { SearchDoc } from '../../electron/main/search/index';

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/catalog');
const SEED = resolve(import.meta.dirname, '../../resources/catalog.md');

export function fixtureDocs(): SearchDoc[] {
  const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().map((f) => resolve(FIXTURES, f)), SEED];
  const { entries } = parseCatalogs(files.map((f) => ({ text: readFileSync(f, 'utf8'), file: f })));
  return entries.map((e) => ({ videoId: e.videoId, title: e.title, summary: e.summary, note: '' }));
}
