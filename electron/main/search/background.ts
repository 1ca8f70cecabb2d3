// Runs prepare.ts in a worker thread, so a cold build (seconds at 10,000 entries) never
// holds up a request. Works from the bundle (out/main/search-worker.js, an extra entry in
// electron.vite.config.ts) and from source under tsx or vitest (worker-source.mjs, which
// loads worker.ts through tsx, a devDependency).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StaticIndex } from './postings';
import type { IndexJob, Prepared } from './prepare';

function workerEntry(): string {
  const here = import.meta.dirname;
  const bundled = join(here, 'search-worker.js');
  return !import.meta.filename.endsWith('.ts') && existsSync(bundled) ? bundled : join(here, 'worker-source.mjs');
}

export interface BackgroundIndex {
  index: Promise<{ index: StaticIndex; from: Prepared['from'] }>;
  /** Stop the worker (the app is closing); the promise then rejects. */
  cancel(): void;
}

export function indexInWorker(job: IndexJob): BackgroundIndex {
  let worker: Worker | null = null;
  let settled = false;
  const done = (f: () => void) => {
    if (settled) return;
    settled = true;
    f();
    void worker?.terminate();
  };
  let cancel = () => {};
  const index = new Promise<{ index: StaticIndex; from: Prepared['from'] }>((ok, fail) => {
    cancel = () => done(() => fail(new Error('search index build cancelled')));
    try {
      worker = new Worker(workerEntry());
    } catch (e) {
      done(() => fail(e));
      return;
    }
    worker.unref(); // a build in progress never keeps the process alive
    worker.once('message', (m: { ok: true; bytes: Uint8Array; from: Prepared['from'] } | { ok: false; message: string }) => {
      done(() => {
        if (!m.ok) return fail(new Error(m.message));
        try {
          ok({ index: StaticIndex.fromBuffer(m.bytes, { verify: false }).index, from: m.from });
        } catch (e) {
          fail(e);
        }
      });
    });
    worker.once('error', (e) => done(() => fail(e)));
    worker.once('exit', (code) => done(() => fail(new Error(`the search worker stopped (exit code ${code})`))));
    worker.postMessage(job);
  });
  return { index, cancel: () => cancel() };
}
