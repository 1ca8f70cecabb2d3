// Shared helpers for `npm run bench`: every figure is compared with a baseline measured in
// the same run on the same machine, and reported as the median of several runs (medianFigures).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** `npm run web` on one catalog and data folder, as a student starts it; resolves with its URL line. */
export async function startWebServer(catalog: string, dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn('node', ['--import', 'tsx', 'electron/main/web.ts', '--data-dir', dataDir, '--port', '0', '--catalog', catalog], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    createInterface({ input: proc.stdout! }).once('line', ok);
    proc.once('exit', (c) => fail(new Error(`web server exited ${c}`)));
  });
  return { proc, url };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same work done the plain way, measured in the same run (null when the target is absolute). */
  baseline: number | null;
  /** value / baseline, or null. */
  ratio: number | null;
  /** Human-readable target, e.g. "ratio <= 3" or "< 5 ms". */
  target: string;
  /** What `met` was decided on, so a median over runs can decide it again (null: report only). */
  check: { of: 'ratio' | 'value'; max: number } | null;
  met: boolean;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (i: number) => s[i] ?? NaN; // NaN for no samples, as the arithmetic gave before
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A figure compared with a baseline: met when value/baseline <= maxRatio (null: no target, report only). */
export function ratioFigure(name: string, value: number, baseline: number, maxRatio: number | null, unit = 'ms'): Figure {
  const ratio = value / baseline;
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(ratio),
    target: maxRatio === null ? 'report only' : `ratio <= ${maxRatio}`,
    check: maxRatio === null ? null : { of: 'ratio', max: maxRatio },
    met: maxRatio === null || ratio <= maxRatio,
  };
}

/** A figure with an absolute target: met when value < limit. */
export function limitFigure(name: string, value: number, limit: number | null, unit = 'ms'): Figure {
  return {
    name,
    value: round(value),
    unit,
    baseline: null,
    ratio: null,
    target: limit === null ? 'report only' : `< ${limit} ${unit}`,
    check: limit === null ? null : { of: 'value', max: limit },
    met: limit === null ? true : value < limit,
  };
}

/** One figure over all runs: the medians, each run's ratio (its value, where the target is absolute), and met decided on the medians. */
export interface MedianFigure extends Figure {
  runs: number[];
}

/**
 * Figures from several runs of the same modules, by name in first-seen order: value,
 * baseline and ratio are each the median over the runs (the ratio is the median of each
 * run's own ratio, as each run's baseline was measured beside it), and met is decided again
 * on those medians.
 */
export function medianFigures(runs: Figure[][]): MedianFigure[] {
  const byName = new Map<string, Figure[]>();
  for (const f of runs.flat()) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return [...byName.values()].map((fs) => {
    const first = fs[0]!; // every list holds the figure it was made for
    const of = (pick: (f: Figure) => number | null) => {
      const xs = fs.map(pick).filter((x): x is number => x !== null);
      return xs.length ? round(median(xs)) : null;
    };
    const value = of((f) => f.value) ?? NaN;
    const ratio = of((f) => f.ratio);
    const checked = first.check?.of === 'ratio' ? ratio : value;
    return {
      ...first,
      value,
      baseline: of((f) => f.baseline),
      ratio,
      met:
        first.check === null || (checked !== null && (first.check.of === 'ratio' ? checked <= first.check.max : checked < first.check.max)),
      runs: fs.map((f) => (f.check?.of === 'value' || f.ratio === null ? f.value : f.ratio)),
    };
  });
}
