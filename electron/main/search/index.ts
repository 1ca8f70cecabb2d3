// Full-text search over lecture titles, summaries and the student's notes.
// postings.ts holds the catalog's titles and summaries as packed, cacheable arrays;
// dynamic.ts holds notes (and any page whose text differs from that pack); tokenize.ts
// makes Chinese searchable without a dictionary, normalize.ts makes Simplified and
// Traditional (and full-width) text meet, snippet.ts turns a hit into a highlighted
// one-liner. Transport-agnostic: plain Node.
import type { MatchField } from '../../shared/contract';
import { fold } from './normalize';
import { MAX_QUERY_TERMS, parseQuery, planGroups, type ParsedQuery, type TermKey } from './tokenize';
import { leadSnippet, makeSnippet } from './snippet';
import { StaticBuilder, StaticIndex } from './postings';
import { DynamicField } from './dynamic';
import { selectTop, type Row } from './rank';

export interface SearchDoc {
  videoId: string;
  title: string;
  summary: string;
  note: string;
}

export interface SearchResult {
  videoId: string;
  /** Where the query matched, best first (title, note, summary). */
  fields: MatchField[];
  snippet: string;
  snippetField: MatchField;
  /** [start, end) offsets into `snippet`. */
  highlights: [number, number][];
  score: number;
}

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

// A title hit says more than a note hit, which says more than a word deep in a summary.
// Field numbers here follow FIELDS, which is also the rank order of the tiers.
export const FIELDS: MatchField[] = ['title', 'note', 'summary'];
const BOOST: readonly [number, number, number] = [3, 2, 1];
/** FIELDS index → StaticIndex field (-1: notes are never in the packed part). */
const PACKED: readonly [number, number, number] = [0, -1, 1];
/** The changing part of each of FIELDS. */
type DynamicFields = [DynamicField, DynamicField, DynamicField];
const dynamicFields = (): DynamicFields => [new DynamicField(), new DynamicField(), new DynamicField()];
const DEFAULT_LIMIT = 50;
/** A page found through a longer key (a typed prefix, a character's bigrams) counts less. */
const PREFIX_WEIGHT = 0.375;
// BM25+ constants (those MiniSearch used, so rankings stay familiar).
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

interface Entry {
  doc: SearchDoc;
  /**
   * Folded title and note for the substring scan that answers while the index builds;
   * made by the first scan, not at start, where 10,000 titles would hold up requests.
   */
  titleF?: string;
  noteF?: string;
}

function entry(doc: SearchDoc): Entry {
  return { doc };
}


function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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
  // Per-query scratch, indexed by document number; reset through `touched` after each query.
  private score = new Float64Array(0);
  private mask = new Uint32Array(0);
  private fmask = new Uint8Array(0);

  get ready(): boolean {
    return this.built;
  }

  /** Start over with `docs`: answers by substring scan until an index is attached. */
  private begin(docs: SearchDoc[]): number {
    const generation = ++this.generation;
    this.built = false;
    this.packed = null;
    this.entries = new Map(docs.map((d) => [d.videoId, entry(d)]));
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
    const same = old !== undefined && old.title === doc.title && old.summary === doc.summary;
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
    this.entries.set(doc.videoId, entry(doc));
    this.dyn[1].set(doc.videoId, doc.note);
    this.placeText(doc);
  }

  remove(videoId: string): void {
    this.entries.delete(videoId);
    for (const f of this.dyn) f.delete(videoId);
    const n = this.packedNo.get(videoId);
    if (this.packed && n !== undefined) this.dead[n] = 1;
  }

  /** Pages holding `key` in any field (an upper bound: removed pages may still count). */
  private df(key: TermKey): number {
    let n = 0;
    const t = this.packed ? this.packed.termId(key) : -1;
    this.dyn.forEach((dyn, f) => {
      const pf = PACKED[f] ?? -1; // PACKED has an entry per field
      if (this.packed && t >= 0 && pf >= 0) n += this.packed.df(pf, t);
      n += dyn.postings.get(key)?.size ?? 0;
    });
    return n;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const q = parseQuery(query);
    if (q.groups.length === 0) return [];
    if (!this.built) return this.scan(q, opts.filter, limit);
    const groups = planGroups(q.groups, (k) => this.df(k), this.entries.size);
    const terms = [...new Set(groups.flat())].slice(0, MAX_QUERY_TERMS);
    let rows: Row[] | null = null;
    if (q.runs.length === 1 && q.runs[0]?.cjk && q.prefix.size === 1) {
      // One Chinese character (學) expands to every bigram it starts: thousands of summary
      // postings. Title and note hits rank first anyway, so when they fill the page the
      // summaries need not be walked (those hits then list only title/note as fields).
      rows = this.run(terms, groups, q.prefix, [true, true, false], limit, opts.filter, false);
      if (rows.length < limit) rows = null;
    }
    rows ??= this.run(terms, groups, q.prefix, [true, true, true], limit, opts.filter, false);
    if (rows.length === 0 && terms.length > 1) {
      rows = this.run(terms, groups, q.prefix, [true, true, true], limit, opts.filter, true);
    }
    return rows.map((r) => this.toResult(r, q));
  }

  /**
   * One pass over the postings of every term in the chosen fields, adding BM25+ scores per
   * page and noting which terms and fields matched. Pages with every term win; failing
   * any (and `fallback`), pages with a whole query word, or with any key of a one-word
   * query, ranked by how few terms they miss.
   */
  private run(
    terms: TermKey[], groups: TermKey[][], prefix: Set<TermKey>, use: boolean[], limit: number,
    filter: SearchOptions['filter'], fallback: boolean,
  ): Row[] {
    // Non-null assertions below index the scratch arrays (score, mask, fmask: at least
    // `size` long, and every page number is below size), and a field's docs/tfs at p, which
    // runs between offsets fromBuffer checked against docs.length, and lens at a document
    // number below the pack's document count (fromBuffer checks the postings too).
    // Without the fallback only pages with every term count, so walks can skip the rest.
    const strict = !fallback;
    const packed = this.packed!;
    const size = this.packedDocs.length + this.extraIds.length;
    if (this.score.length < size) {
      this.score = new Float64Array(size + 64);
      this.mask = new Uint32Array(size + 64);
      this.fmask = new Uint8Array(size + 64);
    }
    const { score, mask, fmask, dead } = this;
    const touched: number[] = [];
    const docCount = Math.max(1, this.entries.size);
    // Rarest term first: in a strict AND, later (commoner) terms only add to pages that
    // already hold every earlier term, so a term in most pages (模型) touches no new ones.
    const order = terms.map((k, j) => ({ j, df: this.df(k) })).sort((a, b) => a.df - b.df);
    let need = 0;
    for (const { j } of order) {
      const key = terms[j];
      if (key === undefined) continue; // order holds indices into terms
      const tbit = 1 << j;
      const gate = strict ? need : 0;
      for (let f = 0; f < FIELDS.length; f++) {
        const dyn = this.dyn[f];
        const pf = PACKED[f];
        const boost = BOOST[f];
        // dyn, PACKED and BOOST have an entry per field: these checks only narrow.
        if (!use[f] || !dyn || pf === undefined || boost === undefined) continue;
        const fp = pf >= 0 ? (packed.fields[pf] ?? null) : null;
        const present = (fp?.present ?? 0) + dyn.present;
        if (present === 0) continue;
        const avg = ((fp?.total ?? 0) + dyn.total) / present;
        const bit = 1 << f;
        // The exact key, then (for a prefix) longer keys: those in the packed part, then
        // keys only the dynamic part has.
        const keys: TermKey[] = [key];
        const ids: number[] = [fp ? packed.termId(key) : -1];
        if (prefix.has(key)) {
          const seen = new Set<TermKey>([key]);
          if (fp) {
            for (const t of packed.extensions(key)) {
              const k = t < packed.numKeys.length ? packed.numKeys[t] : packed.strKeys[t - packed.numKeys.length];
              if (k === undefined) continue; // extensions returns ids of existing keys
              seen.add(k);
              keys.push(k);
              ids.push(t);
            }
          }
          for (const k of dyn.extensions(key)) {
            if (seen.has(k)) continue;
            keys.push(k);
            ids.push(fp ? packed.termId(k) : -1);
          }
        }
        for (let e = 0; e < keys.length; e++) {
          const k = keys[e];
          const t = ids[e]; // ids and keys are pushed in pairs
          if (k === undefined || t === undefined) continue;
          const dm = dyn.postings.get(k);
          const from = fp && t >= 0 ? (fp.offsets[t] ?? 0) : 0;
          const to = fp && t >= 0 ? (fp.offsets[t + 1] ?? 0) : 0;
          const df = to - from + (dm?.size ?? 0);
          if (df === 0) continue;
          const weight = (e === 0 ? 1 : PREFIX_WEIGHT) * boost * Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
          if (fp) {
            const { docs, tfs, lens } = fp;
            for (let p = from; p < to; p++) {
              const n = docs[p]!;
              const m = mask[n]!;
              if (dead[n] !== 0 || (m & gate) !== gate) continue;
              const tf = tfs[p]!;
              if (m === 0 && fmask[n] === 0) touched.push(n);
              score[n] = score[n]! + weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lens[n]!) / avg)) + DELTA);
              mask[n] = m | tbit;
              fmask[n] = fmask[n]! | bit;
            }
          }
          if (dm) {
            for (const [id, tf] of dm) {
              const n = this.numberOf(id);
              const m = mask[n]!;
              if ((m & gate) !== gate) continue;
              if (m === 0 && fmask[n] === 0) touched.push(n);
              score[n] = score[n]! + weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * dyn.lens.get(id)!) / avg)) + DELTA);
              mask[n] = m | tbit;
              fmask[n] = fmask[n]! | bit;
            }
          }
        }
      }
      need |= tbit;
    }

    const all = terms.length >= 32 ? 0xffffffff : 2 ** terms.length - 1;
    const rows: Row[] = [];
    const rowOf = (n: number, missing: number): Row => ({
      n, missing, fmask: fmask[n]!, score: score[n]! * popcount(mask[n]!),
    });
    for (const n of touched) if (mask[n] === all && (!filter || filter(this.idOf(n)))) rows.push(rowOf(n, 0));
    if (fallback) {
      // Nothing has every term: settle for any whole query word (each still needs all its
      // bigrams), or any bigram when the query is one Chinese run.
      const groupMasks = groups.map((g) => g.reduce<number>((m, k) => (terms.indexOf(k) >= 0 ? m | (1 << terms.indexOf(k)) : m), 0) >>> 0);
      for (const n of touched) {
        const m = mask[n]!;
        const ok = groups.length > 1 ? groupMasks.some((g) => g !== 0 && (m & g) >>> 0 === g) : m !== 0;
        if (ok && (!filter || filter(this.idOf(n)))) rows.push(rowOf(n, terms.length - popcount(m)));
      }
    }
    for (const n of touched) {
      score[n] = 0;
      mask[n] = 0;
      fmask[n] = 0;
    }
    return selectTop(rows, limit);
  }

  private toResult(row: Row, q: ParsedQuery): SearchResult {
    const id = this.idOf(row.n);
    const doc = this.entries.get(id)!.doc;
    const fields = FIELDS.filter((_, f) => row.fmask & (1 << f));
    return { videoId: id, fields, score: row.score, ...this.snippetFor(doc, fields, q) };
  }
  /**
   * Snippet from the best field that contains every query word whole; failing that, the
   * best field that shows any of them; failing that (a prefix-only hit), the title's start.
   */
  private snippetFor(doc: SearchDoc, fields: MatchField[], q: ParsedQuery) {
    let partial: { snippet: string; snippetField: MatchField; highlights: [number, number][] } | null = null;
    for (const f of fields) {
      const s = makeSnippet(doc[f], q.runs, f !== 'title');
      if (!s) continue;
      const r = { snippet: s.text, snippetField: f, highlights: s.highlights };
      if (s.complete) return r;
      partial ??= r;
    }
    if (partial) return partial;
    const s = leadSnippet(doc.title, false);
    return { snippet: s.text, snippetField: 'title' as MatchField, highlights: s.highlights };
  }

  /** While the index builds: every query word must occur in the title or the note. */
  private scan(q: ParsedQuery, filter: SearchOptions['filter'], limit: number): SearchResult[] {
    const scored: { e: Entry; fields: MatchField[]; score: number }[] = [];
    for (const e of this.entries.values()) {
      e.titleF ??= fold(e.doc.title);
      e.noteF ??= fold(e.doc.note);
      let inTitle = 0;
      let inNote = 0;
      let all = true;
      for (const r of q.runs) {
        const t = e.titleF.includes(r.text);
        const n = !t && e.noteF.includes(r.text);
        if (t) inTitle++;
        else if (n) inNote++;
        else {
          all = false;
          break;
        }
      }
      if (!all || (filter && !filter(e.doc.videoId))) continue;
      const fields: MatchField[] = [];
      if (inTitle) fields.push('title');
      if (inNote || (inTitle && q.runs.some((r) => e.noteF!.includes(r.text)))) fields.push('note');
      scored.push({ e, fields, score: inTitle * BOOST[0] + inNote * BOOST[1] });
    }
    // Stable sort: equal scores keep catalog order.
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, limit).map(({ e, fields, score }) => ({
      videoId: e.doc.videoId,
      fields,
      score,
      ...this.snippetFor(e.doc, fields, q),
    }));
  }
}
