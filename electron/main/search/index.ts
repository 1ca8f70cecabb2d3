// Full-text search over lecture titles, summaries and the student's notes.
// postings.ts holds the catalog's titles and summaries as packed, cacheable arrays;
// dynamic.ts holds notes (and any page whose text differs from that pack); tokenize.ts
// makes Chinese searchable without a dictionary, normalize.ts makes Simplified and
// Traditional (and full-width) text meet, snippet.ts turns a hit into a highlighted
// one-liner. Transport-agnostic: plain Node.
import type { MatchField } from '../../shared/contract';
import { MAX_QUERY_TERMS, parseQuery, planGroups, type ParsedQuery } from './tokenize';
import { StaticBuilder, StaticIndex } from './postings';
import { DynamicField } from './dynamic';
import type { Row } from './rank';
import { docFreq, dynamicFields, FIELDS, Scorer, type Corpus, type Walk } from './score';
import { scan, snippetFor, type Entry, type SearchDoc, type SearchResult } from './scan';

export type { SearchDoc, SearchResult };
export { FIELDS };

export interface SearchOptions {
  filter?: (videoId: string) => boolean;
  /** Default 50. */
  limit?: number;
}

export interface BuildOptions {
  /** Documents indexed between two yields to the event loop. Default 100 (≈10 ms of work). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_LIMIT = 50;

export class LectureSearch {
  private entries = new Map<string, Entry>();
  private dyn = dynamicFields();
  private packed: StaticIndex | null = null;
  /** The documents `packed` was built from, by document number. */
  private packedDocs: SearchDoc[] = [];
  private packedNo = new Map<string, number>();
  /** 1 where the packed title/summary no longer hold (removed, or changed: then in `dyn`). */
  private dead = new Uint8Array(0);
  /** Numbers for pages the packed part lacks, after its own. */
  private extraNo = new Map<string, number>();
  private extraIds: string[] = [];
  private generation = 0;
  private built = false;
  private readonly scorer = new Scorer();

  get ready(): boolean {
    return this.built;
  }

  /** Start over with `docs`: answers by substring scan until an index is attached. */
  private begin(docs: SearchDoc[]): number {
    const generation = ++this.generation;
    this.built = false;
    this.packed = null;
    this.entries = new Map(docs.map((d) => [d.videoId, { doc: d }]));
    this.dyn = dynamicFields();
    for (const d of docs) if (d.note) this.dyn[1].set(d.videoId, d.note);
    return generation;
  }

  /**
   * Index `docs` from scratch in chunks on this thread, yielding between them so the process
   * keeps answering (search falls back to a substring scan meanwhile). A second call (or
   * useIndex) supersedes the first, whose promise then resolves without marking it ready.
   */
  async buildAsync(docs: SearchDoc[], opts: BuildOptions = {}): Promise<void> {
    const generation = this.begin(docs);
    const chunk = Math.max(1, opts.chunkSize ?? 100);
    const builder = new StaticBuilder();
    for (let i = 0; i < docs.length; i += chunk) {
      for (const d of docs.slice(i, i + chunk)) builder.add(d);
      opts.onProgress?.(Math.min(i + chunk, docs.length), docs.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return;
    }
    if (docs.length === 0) opts.onProgress?.(0, 0);
    this.attach(builder.finish(), docs);
  }

  /**
   * Like buildAsync, with the packed titles and summaries made elsewhere (a worker thread,
   * a cache file). Their ids must be `docs`' ids in order; notes are taken from `docs`.
   * Rejects (leaving the search not ready) if `packed` does; the caller may then buildAsync.
   */
  async useIndex(docs: SearchDoc[], packed: Promise<StaticIndex>): Promise<void> {
    const generation = this.begin(docs);
    const index = await packed;
    if (generation !== this.generation) return;
    this.attach(index, docs);
  }

  private attach(index: StaticIndex, docs: SearchDoc[]): void {
    if (index.ids.length !== docs.length || index.ids.some((id, i) => id !== docs[i]?.videoId)) {
      throw new Error('search index: built for other documents');
    }
    this.packed = index;
    this.packedDocs = docs;
    this.packedNo = new Map(index.ids.map((id, i) => [id, i]));
    this.dead = new Uint8Array(index.ids.length);
    this.extraNo = new Map();
    this.extraIds = [];
    this.dyn[0] = new DynamicField();
    this.dyn[2] = new DynamicField();
    // Upserts and removals made while the index was being built.
    docs.forEach((d, n) => {
      if (!this.entries.has(d.videoId)) this.dead[n] = 1;
    });
    for (const e of this.entries.values()) this.placeText(e.doc);
    this.built = true;
  }

  /** Keep the title and summary of `doc` where a query will find them. */
  private placeText(doc: SearchDoc): void {
    if (!this.packed) return;
    const n = this.packedNo.get(doc.videoId);
    const old = n === undefined ? undefined : this.packedDocs[n];
    // The same object first: a cached entry's summary is then not read just to compare it.
    const same = old !== undefined && (old === doc || (old.title === doc.title && old.summary === doc.summary));
    if (n !== undefined && same) {
      this.dead[n] = 0;
      this.dyn[0].delete(doc.videoId);
      this.dyn[2].delete(doc.videoId);
      return;
    }
    if (n !== undefined) this.dead[n] = 1;
    else this.numberOf(doc.videoId);
    this.dyn[0].set(doc.videoId, doc.title);
    this.dyn[2].set(doc.videoId, doc.summary);
  }

  private numberOf(id: string): number {
    const n = this.packedNo.get(id) ?? this.extraNo.get(id);
    if (n !== undefined) return n;
    const next = this.packedDocs.length + this.extraIds.length;
    this.extraNo.set(id, next);
    this.extraIds.push(id);
    return next;
  }

  private idOf(n: number): string {
    const id = n < this.packedDocs.length ? this.packedDocs[n]?.videoId : this.extraIds[n - this.packedDocs.length];
    if (id === undefined) throw new Error(`search: no page numbered ${n}`);
    return id;
  }

  /** Add or replace one document (e.g. a note was saved); no rebuild. */
  upsert(doc: SearchDoc): void {
    this.entries.set(doc.videoId, { doc });
    this.dyn[1].set(doc.videoId, doc.note);
    this.placeText(doc);
  }

  remove(videoId: string): void {
    this.entries.delete(videoId);
    for (const f of this.dyn) f.delete(videoId);
    const n = this.packedNo.get(videoId);
    if (this.packed && n !== undefined) this.dead[n] = 1;
  }

  /** What the scorer reads; only while the index is attached. */
  private corpus(): Corpus {
    return {
      packed: this.packed!,
      dyn: this.dyn,
      dead: this.dead,
      size: this.packedDocs.length + this.extraIds.length,
      docCount: this.entries.size,
      numberOf: (id) => this.numberOf(id),
      idOf: (n) => this.idOf(n),
    };
  }

  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const q = parseQuery(query);
    if (q.groups.length === 0) return [];
    if (!this.built) return scan(this.entries.values(), q, opts.filter, limit);
    const corpus = this.corpus();
    const groups = planGroups(q.groups, (k) => docFreq(corpus, k), this.entries.size);
    const terms = [...new Set(groups.flat())].slice(0, MAX_QUERY_TERMS);
    const walk = (use: Walk['use'], fallback: boolean) =>
      this.scorer.run(corpus, { terms, groups, prefix: q.prefix, use, limit, filter: opts.filter, fallback });
    let rows: Row[] | null = null;
    if (q.runs.length === 1 && q.runs[0]?.cjk && q.prefix.size === 1) {
      // One Chinese character (學) expands to every bigram it starts: thousands of summary
      // postings. Title and note hits rank first anyway, so when they fill the page the
      // summaries need not be walked (those hits then list only title/note as fields).
      rows = walk([true, true, false], false);
      if (rows.length < limit) rows = null;
    }
    rows ??= walk([true, true, true], false);
    if (rows.length === 0 && terms.length > 1) rows = walk([true, true, true], true);
    return rows.map((r) => this.toResult(r, q));
  }

  private toResult(row: Row, q: ParsedQuery): SearchResult {
    const id = this.idOf(row.n);
    const doc = this.entries.get(id)!.doc;
    const fields: MatchField[] = FIELDS.filter((_, f) => row.fmask & (1 << f));
    return { videoId: id, fields, score: row.score, ...snippetFor(doc, fields, q) };
  }
}
