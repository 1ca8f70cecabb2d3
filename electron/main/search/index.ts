// Full-text search over lecture titles, summaries and the student's notes.
// MiniSearch holds the inverted index; tokenize.ts makes Chinese searchable without a
// dictionary, normalize.ts makes Simplified and Traditional (and full-width) text meet,
// snippet.ts turns a hit into a highlighted one-liner. Transport-agnostic: plain Node.
import MiniSearch, { type Query, type SearchOptions as MiniOptions } from 'minisearch';
import type { MatchField } from '../../shared/contract';
import { fold } from './normalize';
import { MAX_QUERY_TERMS, parseQuery, planGroups, tokenize, type ParsedQuery } from './tokenize';
import { leadSnippet, makeSnippet } from './snippet';
import { FIELDS, documentFrequency, runAnd, runQuery, type Hit } from './rank';

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
const BOOST: Record<MatchField, number> = { title: 3, note: 2, summary: 1 };
const DEFAULT_LIMIT = 50;
/** A term in more than this share of pages is verified, not scored (see runAnd). */
const COMMON_FRACTION = 0.3;

interface Entry {
  doc: SearchDoc;
  /** Folded title and note for the substring scan that answers while the index builds. */
  titleF: string;
  noteF: string;
}

function entry(doc: SearchDoc): Entry {
  return { doc, titleF: fold(doc.title), noteF: fold(doc.note) };
}

function newIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    idField: 'videoId',
    fields: FIELDS,
    storeFields: [],
    // An empty note or summary is left out rather than indexed as length 0, so it does not
    // drag that field's running BM25 length average towards zero (MiniSearch leaves the
    // average alone for a missing field). Ranking tiers in rank.ts cover the rest.
    extractField: (doc, field) => {
      const v = (doc as unknown as Record<string, string>)[field];
      return v === '' && field !== 'videoId' ? (undefined as unknown as string) : v;
    },
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term, // tokenize already folded case and script
  });
}

const byFieldRank = (a: MatchField, b: MatchField) => FIELDS.indexOf(a) - FIELDS.indexOf(b);

export class LectureSearch {
  private index = newIndex();
  private entries = new Map<string, Entry>();
  private generation = 0;
  private built = false;

  get ready(): boolean {
    return this.built;
  }

  /**
   * Index `docs` from scratch in chunks, yielding between them so the process keeps
   * answering (search falls back to a substring scan meanwhile). A second call supersedes
   * the first, whose promise then resolves without marking the index ready.
   */
  async buildAsync(docs: SearchDoc[], opts: BuildOptions = {}): Promise<void> {
    const generation = ++this.generation;
    const chunk = Math.max(1, opts.chunkSize ?? 100);
    this.built = false;
    this.index = newIndex();
    this.entries = new Map(docs.map((d) => [d.videoId, entry(d)]));
    const ids = [...this.entries.keys()];
    for (let i = 0; i < ids.length; i += chunk) {
      for (const id of ids.slice(i, i + chunk)) {
        // Read the current version: upsert/remove may have run while we were yielding.
        const e = this.entries.get(id);
        if (e && !this.index.has(id)) this.index.add(e.doc);
      }
      opts.onProgress?.(Math.min(i + chunk, ids.length), ids.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return;
    }
    if (ids.length === 0) opts.onProgress?.(0, 0);
    this.built = true;
  }

  /** Add or replace one document (e.g. a note was saved); no rebuild. */
  upsert(doc: SearchDoc): void {
    this.entries.set(doc.videoId, entry(doc));
    if (this.index.has(doc.videoId)) this.index.replace(doc);
    else this.index.add(doc);
  }

  remove(videoId: string): void {
    this.entries.delete(videoId);
    if (this.index.has(videoId)) this.index.discard(videoId);
  }

  search(query: string, opts: SearchOptions = {}): SearchResult[] {
    const limit = Math.max(1, opts.limit ?? DEFAULT_LIMIT);
    const q = parseQuery(query);
    if (q.groups.length === 0) return [];
    if (!this.built) return this.scan(q, opts.filter, limit);
    const groups = planGroups(q.groups, (k) => documentFrequency(this.index, k), this.index.documentCount);
    const terms = [...new Set(groups.flat())].slice(0, MAX_QUERY_TERMS);

    const options: MiniOptions = {
      tokenize: (s: string) => s.split(' '),
      processTerm: (t: string) => t,
      prefix: (term: string) => q.prefix.has(term),
      boost: BOOST,
    };
    const common = Math.max(50, this.index.documentCount * COMMON_FRACTION);
    let hits: Hit[] = [];
    if (q.runs.length === 1 && q.runs[0]?.cjk && q.prefix.size === 1) {
      // One Chinese character (學) expands to every bigram it starts: thousands of summary
      // postings. Title and note hits rank first anyway, so when they fill the page the
      // summaries need not be scanned (those hits then list only title/note as fields).
      const head = runAnd(this.index, terms, q.prefix, common, { ...options, fields: ['title', 'note'] }, limit, opts.filter);
      if (head.length >= limit) hits = head;
    }
    if (hits.length === 0) hits = runAnd(this.index, terms, q.prefix, common, options, limit, opts.filter);
    if (hits.length === 0 && terms.length > 1) {
      // Nothing has every term: settle for any whole query word (each still needs all its
      // bigrams), or any bigram when the query is one Chinese run. Fuller matches rank first.
      const fallback: Query =
        groups.length > 1
          ? { combineWith: 'OR', queries: groups.map((g) => ({ combineWith: 'AND', queries: [g.join(' ')] })) }
          : { combineWith: 'OR', queries: [terms.join(' ')] };
      hits = runQuery(this.index, fallback, options, terms.length, limit, opts.filter);
    }
    return hits.map((h) => this.toResult(h, q));
  }

  private toResult(hit: Hit, q: ParsedQuery): SearchResult {
    const id = hit.id;
    const doc = this.entries.get(id)!.doc;
    const matched = new Set<MatchField>();
    for (const fields of Object.values(hit.match)) for (const f of fields) matched.add(f as MatchField);
    const fields = [...matched].sort(byFieldRank);
    return { videoId: id, fields, score: hit.score, ...this.snippetFor(doc, fields, q) };
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
      if (inNote || (inTitle && q.runs.some((r) => e.noteF.includes(r.text)))) fields.push('note');
      scored.push({ e, fields, score: inTitle * BOOST.title + inNote * BOOST.note });
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
