// Scoring a query against the index: one pass over the postings of every term, in the
// packed part (postings.ts) and the changing part (dynamic.ts), adding BM25+ scores per
// page. LectureSearch (index.ts) owns the documents and their numbers; this file only reads
// them through `Corpus`, and keeps the per-query scratch arrays between queries.
import type { MatchField } from '../../shared/contract';
import type { TermKey } from './tokenize';
import type { StaticIndex } from './postings';
import { DynamicField } from './dynamic';
import { selectTop, type Row } from './rank';

// A title hit says more than a note hit, which says more than a word deep in a summary.
// Field numbers here follow FIELDS, which is also the rank order of the tiers.
export const FIELDS: MatchField[] = ['title', 'note', 'summary'];
export const BOOST: readonly [number, number, number] = [3, 2, 1];
/** FIELDS index → StaticIndex field (-1: notes are never in the packed part). */
const PACKED: readonly [number, number, number] = [0, -1, 1];
/** The changing part of each of FIELDS. */
export type DynamicFields = [DynamicField, DynamicField, DynamicField];
export const dynamicFields = (): DynamicFields => [new DynamicField(), new DynamicField(), new DynamicField()];
/** A page found through a longer key (a typed prefix, a character's bigrams) counts less. */
const PREFIX_WEIGHT = 0.375;
// BM25+ constants (those MiniSearch used, so rankings stay familiar).
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** What a query reads: the packed and changing parts, and the page numbering over both. */
export interface Corpus {
  packed: StaticIndex;
  dyn: DynamicFields;
  /** 1 where the packed title/summary no longer hold, by page number. */
  dead: Uint8Array;
  /** Page numbers in use are below this. */
  size: number;
  /** Pages in the library, for the IDF. */
  docCount: number;
  numberOf(id: string): number;
  idOf(n: number): string;
}

/** What one walk is asked: which terms, grouped by query word, in which fields. */
export interface Walk {
  terms: TermKey[];
  groups: TermKey[][];
  prefix: Set<TermKey>;
  /** Per FIELDS entry: walk it or not. */
  use: readonly boolean[];
  limit: number;
  filter?: (videoId: string) => boolean;
  /** Also rank pages that lack some terms (after a strict walk found nothing). */
  fallback: boolean;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Pages holding `key` in any field (an upper bound: removed pages may still count). */
export function docFreq(c: Corpus, key: TermKey): number {
  let n = 0;
  const t = c.packed.termId(key);
  c.dyn.forEach((d, f) => {
    const pf = PACKED[f] ?? -1; // PACKED has an entry per field
    if (t >= 0 && pf >= 0) n += c.packed.df(pf, t);
    n += d.postings.get(key)?.size ?? 0;
  });
  return n;
}

/** The keys a term stands for in one field: itself, then (for a prefix) longer keys. */
function keysFor(c: Corpus, dyn: DynamicField, packedField: boolean, key: TermKey, prefix: boolean): { keys: TermKey[]; ids: number[] } {
  const { packed } = c;
  const keys: TermKey[] = [key];
  const ids: number[] = [packedField ? packed.termId(key) : -1];
  if (!prefix) return { keys, ids };
  // Those in the packed part, then keys only the dynamic part has.
  const seen = new Set<TermKey>([key]);
  if (packedField) {
    for (const t of packed.extensions(key)) {
      const k = packed.keyOf(t);
      seen.add(k);
      keys.push(k);
      ids.push(t);
    }
  }
  for (const k of dyn.extensions(key)) {
    if (seen.has(k)) continue;
    keys.push(k);
    ids.push(packedField ? packed.termId(k) : -1);
  }
  return { keys, ids };
}

export class Scorer {
  // Per-query scratch, indexed by page number; reset through `touched` after each query.
  private score = new Float64Array(0);
  private mask = new Uint32Array(0);
  private fmask = new Uint8Array(0);

  /**
   * Pages with every term win; failing any (and `fallback`), pages with a whole query
   * word, or with any key of a one-word query, ranked by how few terms they miss.
   */
  run(c: Corpus, w: Walk): Row[] {
    // Non-null assertions below index the scratch arrays (score, mask, fmask: at least
    // `size` long, and every page number is below size), and a field's docs/tfs at p, which
    // runs between offsets fromBuffer checked against docs.length, and lens at a document
    // number below the pack's document count (fromBuffer checks the postings too).
    // Without the fallback only pages with every term count, so walks can skip the rest.
    const { terms, fallback } = w;
    const strict = !fallback;
    if (this.score.length < c.size) {
      this.score = new Float64Array(c.size + 64);
      this.mask = new Uint32Array(c.size + 64);
      this.fmask = new Uint8Array(c.size + 64);
    }
    const { score, mask, fmask } = this;
    const { dead, packed } = c;
    const touched: number[] = [];
    const docCount = Math.max(1, c.docCount);
    // Rarest term first: in a strict AND, later (commoner) terms only add to pages that
    // already hold every earlier term, so a term in most pages (模型) touches no new ones.
    const order = terms.map((k, j) => ({ j, df: docFreq(c, k) })).sort((a, b) => a.df - b.df);
    let need = 0;
    for (const { j } of order) {
      const key = terms[j];
      if (key === undefined) continue; // order holds indices into terms
      const tbit = 1 << j;
      const gate = strict ? need : 0;
      for (let f = 0; f < FIELDS.length; f++) {
        const dyn = c.dyn[f];
        const pf = PACKED[f];
        const boost = BOOST[f];
        // dyn, PACKED and BOOST have an entry per field: these checks only narrow.
        if (!w.use[f] || !dyn || pf === undefined || boost === undefined) continue;
        const fp = pf >= 0 ? (packed.fields[pf] ?? null) : null;
        const present = (fp?.present ?? 0) + dyn.present;
        if (present === 0) continue;
        const avg = ((fp?.total ?? 0) + dyn.total) / present;
        const bit = 1 << f;
        const { keys, ids } = keysFor(c, dyn, fp !== null, key, w.prefix.has(key));
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
          const add = (n: number, tf: number, len: number) => {
            const m = mask[n]!;
            if (m === 0 && fmask[n] === 0) touched.push(n);
            score[n] = score[n]! + weight * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg)) + DELTA);
            mask[n] = m | tbit;
            fmask[n] = fmask[n]! | bit;
          };
          if (fp) {
            const { docs, tfs, lens } = fp;
            for (let p = from; p < to; p++) {
              const n = docs[p]!;
              if (dead[n] !== 0 || (mask[n]! & gate) !== gate) continue;
              add(n, tfs[p]!, lens[n]!);
            }
          }
          if (dm) {
            for (const [id, tf] of dm) {
              const n = c.numberOf(id);
              if ((mask[n]! & gate) !== gate) continue;
              add(n, tf, dyn.lens.get(id)!);
            }
          }
        }
      }
      need |= tbit;
    }
    const rows = this.collect(c, w, touched);
    for (const n of touched) {
      score[n] = 0;
      mask[n] = 0;
      fmask[n] = 0;
    }
    return selectTop(rows, w.limit);
  }

  /** The touched pages that qualify, as rows to rank. */
  private collect(c: Corpus, w: Walk, touched: number[]): Row[] {
    const { score, mask, fmask } = this;
    const { terms, groups, filter } = w;
    const all = terms.length >= 32 ? 0xffffffff : 2 ** terms.length - 1;
    const rows: Row[] = [];
    const rowOf = (n: number, missing: number): Row => ({
      n,
      missing,
      fmask: fmask[n]!,
      score: score[n]! * popcount(mask[n]!),
    });
    for (const n of touched) if (mask[n] === all && (!filter || filter(c.idOf(n)))) rows.push(rowOf(n, 0));
    if (w.fallback) {
      // Nothing has every term: settle for any whole query word (each still needs all its
      // bigrams), or any bigram when the query is one Chinese run.
      const groupMasks = groups.map((g) => g.reduce<number>((m, k) => (terms.indexOf(k) >= 0 ? m | (1 << terms.indexOf(k)) : m), 0) >>> 0);
      for (const n of touched) {
        const m = mask[n]!;
        const ok = groups.length > 1 ? groupMasks.some((g) => g !== 0 && (m & g) >>> 0 === g) : m !== 0;
        if (ok && (!filter || filter(c.idOf(n)))) rows.push(rowOf(n, terms.length - popcount(m)));
      }
    }
    return rows;
  }
}
