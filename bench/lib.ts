// Shared helpers for `npm run bench`: every figure is a median over repeated runs,
// compared with a baseline measured in the same run on the same machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
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

/** Median wall time in ms of `fn` over `runs` runs (after one warm-up). */
export async function timeMedian(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
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
    met: limit === null ? true : value < limit,
  };
}
