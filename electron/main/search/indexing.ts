// The service's search index over its life: taken from the start-up cache or built in a worker
// thread off the request path (or, where no worker starts, in chunks on this thread), and
// cancelled when the service closes. Until it is ready, LectureSearch scans titles and notes.
import { indexInWorker, type BackgroundIndex } from './background';
import { LectureSearch, type SearchDoc } from './index';
import type { IndexJob } from './prepare';

export class SearchIndexing {
  readonly index = new LectureSearch();
  /** How the index was last made ('cache', 'build' in a worker, 'inline'); for tests and the bench. */
  source: 'cache' | 'build' | 'inline' | null = null;
  /** Settles when the index is ready (or given up on). */
  built: Promise<void> = Promise.resolve();
  #background: BackgroundIndex | null = null;
  #closed = false;

  constructor(
    private readonly job: IndexJob,
    private readonly mode: 'worker' | 'inline',
    /** Every lecture with its current note: read when the index is put to use, not before. */
    private readonly docs: () => SearchDoc[],
  ) {}

  start(): void {
    this.built = new Promise((ok) => setImmediate(() => void this.#build().then(ok)));
  }

  async #build(): Promise<void> {
    if (this.#closed) return;
    if (this.mode === 'worker') {
      const job = indexInWorker(this.job);
      this.#background = job;
      try {
        await this.index.useIndex(
          this.docs(),
          job.index.then((r) => {
            this.source = r.from;
            return r.index;
          }),
        );
        return;
      } catch (e) {
        if (this.#closed) return;
        process.stderr.write(`Lecture Companion: building the search index on the main thread (${(e as Error).message})\n`);
      } finally {
        this.#background = null;
      }
    }
    // Current notes: edits made while the worker ran are in the store by now.
    await this.index.buildAsync(this.docs());
    if (this.index.ready) this.source = 'inline';
  }

  close(): void {
    this.#closed = true;
    this.#background?.cancel();
  }
}
