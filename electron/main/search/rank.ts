// Picks the page of hits the caller asked for without sorting every match: a bigram in
// most pages (學習) matches ~9,000 of 10,000, and only the best 50 are shown.

export interface Row {
  /** Document number (see LectureSearch). */
  n: number;
  score: number;
  /** Bits of the fields that matched, in FIELDS order: 1 title, 2 note, 4 summary. */
  fmask: number;
  /** Query terms the page lacks (0 unless the OR fallback ran). */
  missing: number;
}

/** 0 for a title hit, 1 for a note hit, 2 for a summary-only hit. */
const tier = (fmask: number) => (fmask & 1 ? 0 : fmask & 2 ? 1 : 2);

/** The `k` best of `xs` by score, best first; equal scores keep their order. */
function topK<T extends { score: number }>(xs: T[], k: number): T[] {
  if (xs.length <= k) return xs.sort((a, b) => b.score - a.score);
  const top: T[] = [];
  for (const x of xs) {
    const last = top[k - 1]; // present once top is full
    if (last && x.score <= last.score) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // lo <= mid < hi <= top.length: top[mid] exists.
      if (top[mid]!.score >= x.score) lo = mid + 1;
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
 * all pages, so with notes on a handful of pages a note looks far longer than average and
 * its score collapses.
 */
export function selectTop(rows: Row[], limit: number): Row[] {
  const buckets: Row[][] = [];
  for (const r of rows) (buckets[r.missing * 3 + tier(r.fmask)] ??= []).push(r);
  const out: Row[] = [];
  for (const b of buckets) {
    if (!b) continue;
    out.push(...topK(b, limit - out.length));
    if (out.length >= limit) break;
  }
  return out;
}
