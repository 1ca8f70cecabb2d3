// parse-order-10k: reading + parsing + ordering a 10,000-entry catalog, against the plainest
// possible reader (one regular-expression pass) measured in the same run.
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../electron/main/catalog/parse';
import { buildCourses } from '../electron/main/catalog/courses';
import { generatedCatalogPath } from './generate';
import { performance } from 'node:perf_hooks';
import { median, ratioFigure, type Figure } from './lib';

/** The baseline: no validation, no warnings, no entities, no dedupe, no ordering. */
function minimalScan(path: string): { index: number; date: string | null; title: string; id: string; summary: string }[] {
  const text = readFileSync(path, 'utf8');
  const re = /<summary>(\d+)\. (?:\[(\d{4}-\d\d-\d\d)\] )?(.*?)<\/summary>[\s\S]*?watch\?v=([\w-]{11})[\s\S]*?<\/a>([\s\S]*?)<\/details>/g;
  const out = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Groups 3-5 always take part in a match.
    out.push({ index: Number(m[1]), date: m[2] ?? null, title: m[3] ?? '', id: m[4] ?? '', summary: m[5] ?? '' });
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const path = generatedCatalogPath(10_000);
  let count = 0;
  const ours = () => {
    const { entries } = parseCatalog(readFileSync(path, 'utf8'), path);
    count = buildCourses(entries).length;
  };
  const base = () => minimalScan(path);
  // Interleaved runs, so a busy machine slows both sides alike rather than one of them.
  ours();
  base();
  const t = { ours: [] as number[], base: [] as number[] };
  for (let i = 0; i < 9; i++) {
    for (const [k, fn] of [
      ['ours', ours],
      ['base', base],
    ] as const) {
      const t0 = performance.now();
      fn();
      t[k].push(performance.now() - t0);
    }
  }
  if (count === 0) throw new Error('parse-order-10k: no courses built');
  return [ratioFigure('parse-order-10k', median(t.ours), median(t.base), 1.5)];
}
