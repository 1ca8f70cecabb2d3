// Runs a MiniSearch query and returns only the page of hits the caller asked for, ranked
// title hits → note hits → summary-only hits. MiniSearch's public `search()` turns every
// match into a result object and sorts them all: for a bigram in most pages (學習) that is
// ~9,000 objects and ~75% of the query time. Its internal `executeQuery` returns the raw
// score map, from which a top-K selection is cheap; we use it when it has the 7.x shape and
// fall back to the public API otherwise (slower, same results — a unit test checks both).
import type MiniSearch from 'minisearch';
import type { Query, SearchOptions as MiniOptions, SearchResult as MiniResult } from 'minisearch';
import type { MatchField } from '../../shared/contract';

export const FIELDS: MatchField[] = ['title', 'note', 'summary'];

export interface Hit {
  id: string;
  score: number;
  /** Field lists per matched index term. */
  match: Record<string, string[]>;
}

interface Raw {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}
type Postings = Map<number, Map<number, number>>; // field id → doc id → term count
interface Internals {
  executeQuery?: (q: Query, o: MiniOptions) => Map<number, Raw>;
  _documentIds?: Map<number, string>;
  _index?: { get?: (key: string) => Postings | undefined };
  _fieldIds?: Record<string, number>;
}

/**
 * Pages (summed over fields) whose index holds `key`, or null if unknown. MiniSearch has
 * no public document-frequency API, so this reads its inverted index (`_index`, 7.x shape);
 * if that ever changes, callers fall back to slower plans, never to wrong results.
 */
export function documentFrequency<T>(index: MiniSearch<T>, key: string): number | null {
  const tree = (index as unknown as Internals)._index;
  if (!tree || typeof tree.get !== 'function') return null;
  const data: unknown = tree.get(key);
  if (data === undefined) return 0;
  if (!(data instanceof Map)) return null;
  let n = 0;
  for (const m of data.values()) n += m instanceof Map ? m.size : 0;
  return n;
}

/** 0 for a title hit, 1 for a note hit, 2 for a summary-only hit. */
function tier(match: Record<string, string[]>): number {
  let best = 2;
  for (const fields of Object.values(match)) {
    for (const f of fields) {
      if (f === 'title') return 0;
      if (f === 'note') best = 1;
    }
  }
  return best;
}

/** The `k` best of `xs` by score, best first, without sorting all of them. */
function topK<T extends { score: number }>(xs: T[], k: number): T[] {
  if (xs.length <= k) return xs.sort((a, b) => b.score - a.score);
  const top: T[] = [];
  for (const x of xs) {
    const last = top[k - 1];
    if (last && x.score <= last.score) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((top[mid]?.score ?? -Infinity) >= x.score) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, x);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Buckets by (query terms missed, best field), then the best `limit` in bucket order.
 * Boosts alone cannot promise title > note > summary: BM25 averages a field's length over
 * all pages, so with notes on a handful of pages a note looks hundreds of times longer
 * than average and its score collapses. Partial (OR-fallback) hits rank by how many query
 * terms they matched first.
 */
function select<T extends { score: number; match: Record<string, string[]> }>(
  xs: Iterable<T>, missing: (x: T) => number, limit: number,
): T[] {
  const buckets: T[][] = [];
  for (const x of xs) (buckets[missing(x) * 3 + tier(x.match)] ??= []).push(x);
  const out: T[] = [];
  for (const b of buckets) {
    if (!b) continue;
    out.push(...topK(b, limit - out.length));
    if (out.length >= limit) break;
  }
  return out;
}

export function runQuery<T>(
  index: MiniSearch<T>,
  query: Query,
  options: MiniOptions,
  termCount: number,
  limit: number,
  filter?: (id: string) => boolean,
  /** False forces the public-API path (tests compare the two). */
  internals = true,
): Hit[] {
  const inner = index as unknown as Internals;
  if (internals && typeof inner.executeQuery === 'function' && inner._documentIds instanceof Map) {
    const ids = inner._documentIds;
    const raw = inner.executeQuery.call(index, query, options);
    const rows: { id: string; score: number; match: Record<string, string[]>; terms: number }[] = [];
    for (const [short, r] of raw) {
      const id = ids.get(short);
      if (id === undefined || (filter && !filter(id))) continue;
      // As MiniSearch's search() does: pages matching more query terms score higher.
      rows.push({ id, score: r.score * (r.terms.length || 1), match: r.match, terms: r.terms.length });
    }
    return select(rows, (r) => Math.max(0, termCount - r.terms), limit);
  }
  const results = index.search(query, { ...options, filter: filter ? (r: MiniResult) => filter(r.id as string) : undefined });
  const rows = results.map((r) => ({ id: r.id as string, score: r.score, match: r.match, terms: r.queryTerms.length }));
  return select(rows, (r) => Math.max(0, termCount - r.terms), limit);
}

/**
 * AND of `terms`, scoring only the selective ones. A term in more than `common` pages
 * (模型, 學習) barely moves BM25 (low IDF) yet costs a scan of thousands of postings, so
 * it is checked by posting-list membership on the candidates instead, and its fields are
 * still reported. Same pages as a plain AND; scores differ only by those near-zero terms.
 */
export function runAnd<T>(
  index: MiniSearch<T>,
  terms: string[],
  prefix: Set<string>,
  common: number,
  options: MiniOptions,
  limit: number,
  filter?: (id: string) => boolean,
  internals = true,
): Hit[] {
  const inner = index as unknown as Internals;
  const and: MiniOptions = { ...options, combineWith: 'AND' };
  const fieldIds = inner._fieldIds;
  if (!internals || typeof inner._index?.get !== 'function' || !fieldIds || typeof inner.executeQuery !== 'function') {
    return runQuery(index, terms.join(' '), and, terms.length, limit, filter, internals);
  }
  const df = new Map(terms.map((t) => [t, documentFrequency(index, t) ?? 0]));
  let scored = terms.filter((t) => prefix.has(t) || df.get(t)! <= common);
  if (scored.length === 0) scored = [terms.reduce((a, b) => (df.get(a)! <= df.get(b)! ? a : b))];
  const required = terms.filter((t) => !scored.includes(t));
  if (required.length === 0) return runQuery(index, scored.join(' '), and, scored.length, limit, filter);

  const names = Object.entries(fieldIds);
  const postings = required.map((t) => [t, inner._index!.get!(t)] as const);
  const ids = inner._documentIds!;
  const raw = inner.executeQuery.call(index, scored.join(' '), and);
  const rows: { id: string; score: number; match: Record<string, string[]> }[] = [];
  outer: for (const [short, r] of raw) {
    for (const [term, data] of postings) {
      const fields: string[] = [];
      for (const [name, fid] of names) if (data?.get(fid)?.has(short)) fields.push(name);
      if (fields.length === 0) continue outer;
      r.match[term] = fields;
    }
    const id = ids.get(short);
    if (id === undefined || (filter && !filter(id))) continue;
    rows.push({ id, score: r.score * (r.terms.length || 1), match: r.match });
  }
  return select(rows, () => 0, limit);
}
