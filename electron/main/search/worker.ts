// Worker-thread entry: prepares the packed index (prepare.ts) off the main thread and
// sends its bytes back without copying. Bundled as out/main/search-worker.js.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { prepareIndex, type IndexJob } from './prepare';

// On a 2-core machine the build competes with the thread answering requests. On Linux,
// setpriority(0) applies to the calling thread only, so this lowers the build alone; on
// macOS and Windows it would lower the whole app, so there it is left as it is.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // not permitted: build at normal priority
  }
}

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
