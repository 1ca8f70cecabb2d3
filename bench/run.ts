// `npm run bench [-- --runs N] [module …]`: runs every benchmark module in this folder N
// times (default 5), round by round so that a change in machine load reaches every figure
// alike, and prints each figure's median over the runs beside its baseline and target;
// writes bench-results.json (medians and every run) at the repository root (git-ignored).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { medianFigures, type Figure } from './lib';

// Each module exports `run(): Promise<Figure[]>`, one run of its figures; listed here so the order is stable.
const modules = ['./parse', './search', './start', './store', './chromium'];

const { values, positionals: only } = parseArgs({ options: { runs: { type: 'string', default: '5' } }, allowPositionals: true });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs wants a whole number of runs, not ${values.runs}`);
const chosen = modules.filter((m) => !only.length || only.some((o) => m.includes(o)));

const runs: Figure[][] = [];
for (let r = 1; r <= RUNS; r++) {
  const figures: Figure[] = [];
  for (const m of chosen) {
    const mod = (await import(m)) as { run: () => Promise<Figure[]> };
    process.stderr.write(`bench: run ${r}/${RUNS}: ${m} …\n`);
    figures.push(...(await mod.run()));
  }
  runs.push(figures);
}
const table = medianFigures(runs);
console.log(`Medians of ${RUNS} run(s); ratio = the median of each run's ratio to its own baseline; runs = each run's ratio (or value).`);
console.table(
  table.map((f) => ({
    figure: f.name,
    value: f.value,
    unit: f.unit,
    baseline: f.baseline,
    ratio: f.ratio,
    target: f.target,
    met: f.met ? 'yes' : 'NO',
    runs: f.runs.join(' '),
  })),
);
writeFileSync(resolve(import.meta.dirname, '..', 'bench-results.json'), JSON.stringify(table, null, 2) + '\n');
console.log(`wrote bench-results.json (${table.length} figures)`);
