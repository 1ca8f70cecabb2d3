// The search palette's query, filters and results. Requests are debounced and numbered so a
// slow answer to an old query can never replace the answer to the newest one, and each
// answer remembers what it answers, so Enter can wait for the one that fits the box.
import type { Api, SearchHit } from '../../../../electron/shared/contract';

export type WatchedFilter = 'any' | 'watched' | 'unwatched';

export const SEARCH_DEBOUNCE_MS = 80;
/** While the index is still building, the same query is asked again this often, so the full answer replaces the title-only one by itself. */
export const NOT_READY_RETRY_MS = 500;

export class SearchState {
  query = $state('');
  courseId = $state('');
  watched = $state<WatchedFilter>('any');
  hasNote = $state(false);

  hits = $state<SearchHit[]>([]);
  /** False while the service's index is still building (hits are title matches only). */
  ready = $state(true);
  /** The query the shown hits answer; '' until the first answer. */
  answered = $state('');
  loading = $state(false);
  error = $state<string | null>(null);
  selected = $state(0);

  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** What the shown hits answer: the query and filters they were asked with. */
  #shownAsk = '';
  /** The newest request sent and not yet answered, with what it asks. */
  #inflight: { ask: string; done: Promise<void> } | null = null;

  constructor(
    private readonly api: Api,
    private readonly delay = SEARCH_DEBOUNCE_MS,
  ) {}

  get active(): boolean {
    return this.query.trim() !== '';
  }

  /** The query and filters as they are now, as one comparable value. */
  #ask(): string {
    return JSON.stringify([this.query.trim(), this.courseId, this.watched, this.hasNote]);
  }

  /**
   * Waits until the shown hits answer the text and filters as they are now: sends a debounced
   * request at once, or waits for the one in flight. False when there is nothing to answer,
   * the request failed, or the student changed the text or a filter meanwhile.
   */
  async settle(): Promise<boolean> {
    const ask = this.#ask();
    if (!this.active) return false;
    if (this.#shownAsk !== ask && this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
      void this.run();
    }
    // Each pass waits for the newest request; one sent meanwhile for the same ask replaces it.
    for (let pending = this.#inflight; pending && this.#shownAsk !== ask && this.#ask() === ask; pending = this.#inflight) {
      await pending.done;
    }
    return this.#ask() === ask && this.#shownAsk === ask;
  }

  /** Call after any change to the query or a filter. */
  schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (!this.active) {
      // Drop any answer in flight and show the hint instead of stale hits.
      this.#seq++;
      this.#inflight = null;
      this.#shownAsk = '';
      this.hits = [];
      this.answered = '';
      this.loading = false;
      this.error = null;
      this.selected = 0;
      return;
    }
    this.loading = true;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.run();
    }, this.delay);
  }

  run(): Promise<void> {
    const seq = ++this.#seq;
    const ask = this.#ask();
    const done = this.#answer(seq, ask);
    this.#inflight = { ask, done };
    return done;
  }

  async #answer(seq: number, ask: string): Promise<void> {
    const query = this.query.trim();
    try {
      const res = await this.api.search({
        query,
        courseId: this.courseId || undefined,
        watched: this.watched,
        hasNote: this.hasNote || undefined,
      });
      if (seq !== this.#seq) return; // a newer request was sent meanwhile
      this.hits = res.hits;
      this.ready = res.ready;
      this.answered = query;
      this.#shownAsk = ask;
      this.error = null;
      this.selected = 0;
      // Asked again by the same timer as typing, so a newer keystroke cancels it.
      if (!res.ready)
        this.#timer = setTimeout(() => {
          this.#timer = null;
          void this.run();
        }, NOT_READY_RETRY_MS);
    } catch (e) {
      if (seq !== this.#seq) return;
      this.error = e instanceof Error ? e.message : String(e);
      this.hits = [];
      this.#shownAsk = '';
    } finally {
      if (seq === this.#seq) {
        this.loading = false;
        this.#inflight = null;
      }
    }
  }

  move(delta: number): void {
    const n = this.hits.length;
    if (n === 0) return;
    this.selected = (((this.selected + delta) % n) + n) % n;
  }

  get current(): SearchHit | null {
    return this.hits[this.selected] ?? null;
  }

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#seq++;
    this.#inflight = null;
  }
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Split a plain-text snippet into marked and unmarked runs from [start, end) offsets.
 * Offsets are clamped, sorted and merged, so a bad range can only highlight less.
 */
export function highlightSegments(snippet: string, highlights: readonly [number, number][]): Segment[] {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const start = Math.max(s, pos);
    if (start > pos) out.push({ text: snippet.slice(pos, start), mark: false });
    const last = out[out.length - 1];
    // Overlapping or touching ranges become one <mark>.
    if (last?.mark && start === pos) last.text += snippet.slice(start, e);
    else out.push({ text: snippet.slice(start, e), mark: true });
    pos = e;
  }
  if (pos < snippet.length) out.push({ text: snippet.slice(pos), mark: false });
  return out;
}
