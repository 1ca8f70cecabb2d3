// The service's search index over its life: taken from the start-up cache or built in a worker
// thread off the request path (or, where no worker starts, in chunks on this thread), and
// cancelled when the service closes. Until it is ready, LectureSearch scans titles and notes.
import { performance } from 'node:perf_hooks';
import type { ArgsOf, SearchResponse } from '../../shared/contract';
import type { CatalogEntry, Course } from '../../shared/types';
import { indexInWorker, type BackgroundIndex } from './background';
import { LectureSearch, type SearchDoc } from './index';
import type { IndexJob } from './prepare';

type Notes = Readonly<Record<string, { text: string } | undefined>>;

/** What a search's filters and hits are looked up in. */
export interface SearchLookups {
  courseOf: ReadonlyMap<string, Course>;
  byId: ReadonlyMap<string, CatalogEntry>;
  watched: Readonly<Record<string, unknown>>;
  notes: Notes;
}

const INDEX_SLICE_MS = 5; // re-indexing per turn of the event loop after an import or restore
/** How long the index waits for the first screen to ask for it before starting anyway. */
const FIRST_SCREEN_MS = 1000;

/**
 * Every lecture as the index sees it, with its current note. The summary is passed through,
 * not read: a warm start's cached entries read theirs only when a hit shows it.
 */
export function searchDocs(entries: readonly CatalogEntry[], notes: Notes): SearchDoc[] {
  return entries.map((e) => new EntryDoc(e, notes[e.videoId]?.text ?? ''));
}

/** A lecture as a search document; one class, so 10,000 of them cost no closure or accessor each. */
class EntryDoc implements SearchDoc {
  readonly videoId: string;
  readonly title: string;
  readonly #entry: CatalogEntry;
  constructor(
    entry: CatalogEntry,
    readonly note: string,
  ) {
    [this.videoId, this.title, this.#entry] = [entry.videoId, entry.title, entry];
  }
  get summary(): string {
    return this.#entry.summary;
  }
}

export class SearchIndexing {
  readonly index = new LectureSearch();
  /** How the index was last made ('cache', 'build' in a worker, 'inline'); for tests and the bench. */
  source: 'cache' | 'build' | 'inline' | null = null;
  #built: Promise<void> | null = null;
  #soon: NodeJS.Timeout | null = null;
  #background: BackgroundIndex | null = null;
  #closed = false;

  constructor(
    private readonly job: IndexJob,
    private readonly mode: 'worker' | 'inline',
    /** Every lecture with its current note: read when the index is put to use, not before. */
    private readonly docs: () => SearchDoc[],
  ) {}

  /**
   * Load or build the index once the first screen is served: the first getLibrary (or a
   * search, or anyone awaiting `built`) calls begin(); failing that, a pause starts it. A
   * warm start at 10,000 lectures thus answers its first getLibrary before a worker
   * starts, reads 15 MB of index and hands it over on this thread.
   */
  start(): void {
    this.#soon = setTimeout(() => void this.begin(), FIRST_SCREEN_MS);
    this.#soon.unref();
  }

  /**
   * Start the work if it has not started: on the next turn (after the answer being made is
   * sent), or `now`, so a search made at once scans every title. Settles when the index is
   * ready (or given up on).
   */
  begin(now = false): Promise<void> {
    if (this.#soon) clearTimeout(this.#soon);
    return (this.#built ??= now ? this.#build() : new Promise((ok) => setImmediate(() => void this.#build().then(ok))));
  }

  /** Settles when the index is ready (or given up on); asking starts the work. */
  get built(): Promise<void> {
    return this.begin();
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

  /** The contract's search: the filters applied during the walk, each hit with its course. */
  answer({ query, courseId, watched = 'any', hasNote, limit = 50 }: ArgsOf<'search'>, at: SearchLookups): SearchResponse {
    const filter = (id: string) =>
      (courseId === undefined || at.courseOf.get(id)?.id === courseId) &&
      (watched === 'any' || id in at.watched === (watched === 'watched')) &&
      (hasNote === undefined || id in at.notes === hasNote);
    void this.begin(true); // someone wants search: no reason to wait
    const hits = this.index.search(query, { filter, limit });
    return {
      ready: this.index.ready,
      hits: hits.map((h) => {
        const c = at.courseOf.get(h.videoId);
        return { ...h, title: at.byId.get(h.videoId)?.title ?? '', courseId: c?.id ?? 'other', courseTitle: c?.title ?? '' };
      }),
    };
  }

  /** The note of one lecture changed (or its text did): index it as it is now. */
  update(e: CatalogEntry, note: string): void {
    this.index.upsert({ videoId: e.videoId, title: e.title, summary: e.summary, note });
  }

  /**
   * Notes replaced wholesale (a merge, a restore): re-index those that differ from `before`
   * (all of them after a large import) a slice at a time, so requests are answered in between.
   */
  async updateChanged(entries: readonly CatalogEntry[], before: Notes, notes: () => Notes): Promise<void> {
    let until = performance.now() + INDEX_SLICE_MS;
    for (const e of entries) {
      const text = notes()[e.videoId]?.text ?? '';
      if (text === (before[e.videoId]?.text ?? '')) continue;
      this.update(e, text);
      if (performance.now() >= until) {
        await new Promise((r) => setImmediate(r));
        until = performance.now() + INDEX_SLICE_MS;
      }
    }
  }

  close(): void {
    this.#closed = true;
    if (this.#soon) clearTimeout(this.#soon);
    this.#background?.cancel();
  }
}
