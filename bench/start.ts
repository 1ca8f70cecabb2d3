// Start-up and responsiveness of `npm run web` (the same service as the app) on the
// generated 10,000-entry catalog, against the 50-entry seed in the same run:
// - start-10k-warm: process start to the first getLibrary answered, on a second start
//   with an unchanged catalog (cache in place), against the seed's second start;
// - request-lag-p99-during-build: getLecture latency while a cold index builds (target
//   absolute; baseline: the same calls on a warm, idle server);
// - main-rss-10k: the server's resident memory once warm and searchable (report).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatedCatalogPath } from './generate';
import { limitFigure, median, percentile, ratioFigure, startWebServer, type Figure } from './lib';

const ROOT = resolve(import.meta.dirname, '..');
const SEED = join(ROOT, 'resources/catalog.md');
/** Warm starts per run, each of the seed and the 10k catalog, after one pair that warms the disk. */
const WARM_PAIRS = 3;
/** getLecture calls on a warm, idle server: the machine's own p99. */
const IDLE_CALLS = 500;
const round = (x: number) => Math.round(x * 100) / 100;
/** Hang guard for a cold build on a slow, busy machine; never a pass/fail criterion. */
const BUILD_GUARD_MS = 300_000;

interface Server {
  proc: ChildProcess;
  call: (method: string, args?: object) => Promise<unknown>;
}

async function startServer(catalog: string, dataDir: string): Promise<Server> {
  const { proc, url } = await startWebServer(catalog, dataDir);
  const { origin, hash } = new URL(url);
  const token = new URLSearchParams(hash.slice(1)).get('token')!;
  const call = async (method: string, args: object = {}) => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'x-lc-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok) throw new Error(`${method}: ${body.error}`);
    return body.result;
  };
  return { proc, call };
}

async function stop(s: Server): Promise<void> {
  if (s.proc.exitCode !== null) return;
  const exited = new Promise((ok) => s.proc.once('exit', ok));
  s.proc.kill('SIGTERM');
  await exited;
}

async function waitSearchReady(s: Server, onWait?: () => Promise<void>): Promise<void> {
  const t = performance.now();
  while (!((await s.call('search', { query: '學習' })) as { ready: boolean }).ready) {
    if (performance.now() - t > BUILD_GUARD_MS) throw new Error('search index not ready within the hang guard');
    if (onWait) await onWait();
    else await new Promise((ok) => setTimeout(ok, 200));
  }
}

/** Process start to the first getLibrary answered. */
async function timedStart(catalog: string, dataDir: string): Promise<{ ms: number; server: Server }> {
  const t = performance.now();
  const server = await startServer(catalog, dataDir);
  await server.call('getLibrary');
  return { ms: performance.now() - t, server };
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** getLecture calls one after another, each timed. */
async function timeLectures(s: Server, ids: string[], calls: number, from = 0): Promise<number[]> {
  const times: number[] = [];
  for (let k = from; k < from + calls; k++) {
    const id = ids[(k * 7919) % ids.length];
    if (id === undefined) throw new Error('bench: the library has no lectures');
    const t = performance.now();
    await s.call('getLecture', { videoId: id });
    times.push(performance.now() - t);
  }
  return times;
}

const videoIds = async (s: Server) => ((await s.call('getLibrary')) as { lectures: { ids: string[] } }).lectures.ids;

/**
 * One run (run.ts repeats it and takes medians): a cold 10k start, timing getLecture while
 * its index builds; then warm starts, seed and 10k alternating so machine load hits both
 * alike, the first pair warming the disk.
 */
export async function run(): Promise<Figure[]> {
  const big = generatedCatalogPath(10_000);
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'lc-bench-start-'));
    dirs.push(d);
    return d;
  };
  try {
    const warmBig = dir();
    const { server } = await timedStart(big, warmBig);
    const ids = await videoIds(server);
    const lags: number[] = [];
    // Twenty lectures between two readiness checks, one request at a time.
    await waitSearchReady(server, async () => void lags.push(...(await timeLectures(server, ids, 20, lags.length))));
    await stop(server);
    process.stderr.write(`bench start: cold 10k: ${lags.length} getLecture calls, p99 ${percentile(lags, 99).toFixed(1)} ms\n`);

    const warmSeed = dir();
    await stop((await timedStart(SEED, warmSeed)).server);
    const seedTimes: number[] = [];
    const bigTimes: number[] = [];
    let rss = NaN;
    let idle: number[] = [];
    for (let i = 0; i <= WARM_PAIRS; i++) {
      const s = await timedStart(SEED, warmSeed);
      await stop(s.server);
      const b = await timedStart(big, warmBig);
      if (i === WARM_PAIRS) {
        await waitSearchReady(b.server);
        rss = rssMb(b.server.proc.pid!);
        // The same getLecture calls with nothing building: how much of the lag is the machine.
        idle = await timeLectures(b.server, ids, IDLE_CALLS);
      }
      await stop(b.server);
      if (i === 0) continue;
      seedTimes.push(s.ms);
      bigTimes.push(b.ms);
    }
    // An absolute target; the idle p99 beside it says how much the machine itself adds.
    const lag = percentile(lags, 99);
    const idleLag = percentile(idle, 99);
    return [
      ratioFigure('start-10k-warm', median(bigTimes), median(seedTimes), 1.5),
      { ...limitFigure('request-lag-p99-during-build', lag, 50), baseline: round(idleLag), ratio: round(lag / idleLag) },
      limitFigure('main-rss-10k', rss, null, 'MB'),
    ];
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
