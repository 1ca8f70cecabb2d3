// Worker-thread entry: prepares the packed index (prepare.ts) off the main thread and
// sends its bytes back without copying. Bundled as out/main/search-worker.js.
import { parentPort } from 'node:worker_threads';
import { prepareIndex, type IndexJob } from './prepare';

parentPort!.once('message', (job: IndexJob) => {
  try {
    const { bytes, from } = prepareIndex(job);
    // Transfer needs a buffer of its own (a cache read may be a view into a larger one).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    parentPort!.postMessage({ ok: true, bytes: own, from }, [own.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: (e as Error).message });
  }
});
