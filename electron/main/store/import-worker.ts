// Worker-thread entry: reads an imported backup off the main thread (UTF-8 decoding,
// JSON.parse, zod validation, migration and the import limits: over a second for a
// 39 MB backup), then hands the data back in slices, one per request, so the main thread
// never deserialises more than a slice between two of its other requests.
// Bundled as out/main/import-worker.js (electron.vite.config.ts).
import { parentPort } from 'node:worker_threads';
import { holdToLimits } from './limits';
import { parseStoreText } from './parse';
import { headOf, slicesOf, type ImportJob, type ImportReply } from './import-slices';

const port = parentPort!;

port.once('message', (job: ImportJob) => {
  let slices: Iterator<ImportReply>;
  try {
    const text = Buffer.concat(job.parts).toString('utf8');
    const outcome = parseStoreText(text, job.now);
    const skipped = job.limits && (outcome.kind === 'current' || outcome.kind === 'migrated') ? holdToLimits(outcome.data) : null;
    port.postMessage(headOf(outcome, skipped));
    if (outcome.kind === 'invalid') return;
    slices = slicesOf(outcome.data);
  } catch (e) {
    port.postMessage({ kind: 'error', message: (e as Error).message } satisfies ImportReply);
    return;
  }
  // Each later message asks for the next slice.
  port.on('message', () => {
    const next = slices.next();
    port.postMessage(next.done ? ({ kind: 'done' } satisfies ImportReply) : next.value);
  });
});
