// `npm run bench`: runs every benchmark module in this folder, prints a table and
// writes bench-results.json at the repository root (git-ignored).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Figure } from './lib';

// Each module exports `run(): Promise<Figure[]>`; listed here so the order is stable.
const modules = ['./parse', './search', './start', './store', './chromium'];

const only = process.argv.slice(2);
const figures: Figure[] = [];
for (const m of modules) {
  if (only.length && !only.some((o) => m.includes(o))) continue;
  const mod = (await import(m)) as { run: () => Promise<Figure[]> };
  process.stderr.write(`bench: ${m} …\n`);
  figures.push(...(await mod.run()));
}
console.table(figures.map((f) => ({ ...f, met: f.met ? 'yes' : 'NO' })));
writeFileSync(resolve(import.meta.dirname, '..', 'bench-results.json'), JSON.stringify(figures, null, 2) + '\n');
console.log(`wrote bench-results.json (${figures.length} figures)`);
