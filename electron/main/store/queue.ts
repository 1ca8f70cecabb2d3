// The write queue: exactly one write in flight, and each request's promise settles when
// a write that started after it (so contains its change) has finished.

interface Waiter<T> {
  tag: T;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Serialises writes. lowdb's overlapping writes coalesce and resolve the first caller
 * last, so they cannot say when a given change is on disk. Here a request joins the
 * next batch; a batch's write starts (and snapshots the data) only after every
 * mutation in it, and its waiters settle when that write has completed. The write is
 * told the batch's tags, so it can undo exactly those changes when it fails.
 */
export class WriteQueue<T> {
  #pending: Waiter<T>[] = [];
  #busy = false;
  #scheduled = false;
  constructor(private readonly write: (batch: T[]) => Promise<void>) {}

  request(tag: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ tag, resolve, reject });
      // Start on a microtask so mutations made in the same tick share one write.
      if (!this.#scheduled && !this.#busy) {
        this.#scheduled = true;
        queueMicrotask(() => {
          this.#scheduled = false;
          this.#pump();
        });
      }
    });
  }

  /** Resolves when everything requested so far has been written; no extra write when idle. */
  flush(tag: T): Promise<void> {
    return this.#busy || this.#pending.length ? this.request(tag) : Promise.resolve();
  }

  #pump(): void {
    if (this.#busy || this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#busy = true;
    let p: Promise<void>;
    try {
      p = this.write(batch.map((w) => w.tag));
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      () => batch.forEach((w) => w.resolve()),
      (e) => batch.forEach((w) => w.reject(e)),
    ).finally(() => {
      this.#busy = false;
      this.#pump();
    });
  }
}
