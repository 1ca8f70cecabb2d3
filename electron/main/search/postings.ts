// The catalog's part of the index (titles and summaries), which never changes while the
// app runs: sorted keys and flat typed arrays, so it is cheap to walk, to send from a
// worker thread (one transferable buffer) and to cache on disk (the same bytes).
// Notes, which do change, live in dynamic.ts.
import type { TermKey } from './tokenize';
import { forEachKey } from './tokenize';

/** The catalog fields held here, in this order. */
export const STATIC_FIELDS = ['title', 'summary'] as const;
export type StaticField = (typeof STATIC_FIELDS)[number];

const FORMAT = 'lc-search-1';
const MAGIC = 0x4c435331; // "LCS1"

export interface FieldPostings {
  /** Postings of term t: docs[offsets[t]] … docs[offsets[t + 1] - 1], ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Term count in the field, capped at 255. */
  tfs: Uint8Array;
  /** Keys per document in this field. */
  lens: Uint32Array;
  /** Sum of lens, and documents whose field is not empty (for the BM25 length average). */
  total: number;
  present: number;
}

/** What a cache file is for: written into the header, compared on load. */
export type IndexMeta = Record<string, string | number>;

export class StaticIndex {
  constructor(
    /** Video ids by document number. */
    readonly ids: string[],
    /** Numeric keys, ascending: term ids 0 … numKeys.length - 1. */
    readonly numKeys: Uint32Array,
    /** String keys, ascending (code-unit order): term ids numKeys.length + i. */
    readonly strKeys: string[],
    readonly fields: FieldPostings[],
  ) {}

  get termCount(): number {
    return this.numKeys.length + this.strKeys.length;
  }

  /** Term id of `key`, or -1. */
  termId(key: TermKey): number {
    if (typeof key === 'number') {
      const i = lowerBound(this.numKeys, key);
      return this.numKeys[i] === key ? i : -1;
    }
    const i = lowerBound(this.strKeys, key);
    return this.strKeys[i] === key ? this.numKeys.length + i : -1;
  }

  /** The key of term id `t` (an id from termId or extensions). */
  keyOf(t: number): TermKey {
    const k = t < this.numKeys.length ? this.numKeys[t] : this.strKeys[t - this.numKeys.length];
    if (k === undefined) throw new Error(`search index: no term ${t}`);
    return k;
  }

  /**
   * Term ids that extend `key` (not `key` itself): a CJK character's bigrams, a word's
   * longer words, an astral character's keys.
   */
  extensions(key: TermKey): number[] {
    const out: number[] = [];
    if (typeof key === 'number') {
      if (key >= 65536) return out;
      const lo = lowerBound(this.numKeys, key * 65536);
      const hi = lowerBound(this.numKeys, (key + 1) * 65536);
      for (let i = lo; i < hi; i++) out.push(i);
      return out;
    }
    const base = this.numKeys.length;
    for (let i = lowerBound(this.strKeys, key); i < this.strKeys.length; i++) {
      const k = this.strKeys[i];
      if (k === undefined || !k.startsWith(key)) break;
      if (k !== key) out.push(base + i);
    }
    return out;
  }

  /** Documents whose `field` holds term `t`. */
  df(field: number, t: number): number {
    const f = this.fields[field];
    if (!f) return 0;
    // t is a term id from termId/extensions, so offsets[t] and offsets[t + 1] exist (fromBuffer checks offsets has terms + 1 entries).
    return f.offsets[t + 1]! - f.offsets[t]!;
  }

  /** One buffer: a small JSON header (meta, ids, string keys) and the typed arrays. */
  toBuffer(meta: IndexMeta): Uint8Array {
    const arrays: ArrayBufferView[] = [this.numKeys];
    for (const f of this.fields) arrays.push(f.offsets, f.docs, f.lens, f.tfs);
    const header = new TextEncoder().encode(
      JSON.stringify({
        format: FORMAT,
        meta,
        ids: this.ids,
        numKeys: this.numKeys.length,
        strKeys: this.strKeys,
        fields: this.fields.map((f) => ({ total: f.total, present: f.present, docs: f.docs.length })),
      }),
    );
    let size = align(8 + header.length);
    for (const a of arrays) size = align(size + a.byteLength);
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, header.length, true);
    out.set(header, 8);
    let at = align(8 + header.length);
    for (const a of arrays) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at = align(at + a.byteLength);
    }
    return out;
  }

  /**
   * Reads what toBuffer wrote, checking every length and bound it relies on, so a damaged
   * file throws here instead of answering wrongly later. The arrays are views into `buf`.
   * `verify: false` skips the walk over every posting, for bytes that were just checked
   * (by the worker that sends them).
   */
  static fromBuffer(buf: Uint8Array, { verify = true } = {}): { index: StaticIndex; meta: IndexMeta } {
    const bad = (why: string) => new Error(`search index: ${why}`);
    if (buf.byteOffset % 4 !== 0) buf = buf.slice(); // typed views need alignment
    if (buf.length < 8) throw bad('too short');
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw bad('not an index');
    const headerLen = view.getUint32(4, true);
    if (8 + headerLen > buf.length) throw bad('truncated header');
    const h = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + headerLen))) as {
      format: string;
      meta: IndexMeta;
      ids: string[];
      numKeys: number;
      strKeys: string[];
      fields: { total: number; present: number; docs: number }[];
    };
    if (h.format !== FORMAT || !Array.isArray(h.ids) || !Array.isArray(h.strKeys) || h.fields?.length !== STATIC_FIELDS.length) {
      throw bad('unknown format');
    }
    const nDocs = h.ids.length;
    let at = align(8 + headerLen);
    const take = <T>(make: (b: ArrayBuffer, off: number, n: number) => T, n: number, bytes: number): T => {
      if (!Number.isInteger(n) || n < 0 || at + n * bytes > buf.length) throw bad('truncated');
      const a = make(buf.buffer as ArrayBuffer, buf.byteOffset + at, n);
      at = align(at + n * bytes);
      return a;
    };
    const u32 = (n: number) => take((b, o, k) => new Uint32Array(b, o, k), n, 4);
    const u8 = (n: number) => take((b, o, k) => new Uint8Array(b, o, k), n, 1);
    const numKeys = u32(h.numKeys);
    const terms = h.numKeys + h.strKeys.length;
    if (verify && !ascending(numKeys, true)) throw bad('keys out of order');
    const fields = h.fields.map((fh): FieldPostings => {
      const offsets = u32(terms + 1);
      const docs = u32(fh.docs);
      const lens = u32(nDocs);
      const tfs = u8(fh.docs);
      if (offsets[0] !== 0 || offsets[terms] !== docs.length) throw bad('offsets do not cover the postings');
      if (verify) {
        if (!ascending(offsets, false)) throw bad('offsets out of order');
        for (const d of docs) if (d >= nDocs) throw bad('posting past the last document');
      }
      return { offsets, docs, tfs, lens, total: fh.total, present: fh.present };
    });
    if (at !== buf.length) throw bad('trailing bytes');
    return { index: new StaticIndex(h.ids, numKeys, h.strKeys, fields), meta: h.meta };
  }
}

/** Collects documents in order, then packs them (finish). */
export class StaticBuilder {
  private readonly ids: string[] = [];
  private readonly postings = STATIC_FIELDS.map(() => new Map<TermKey, number[]>());
  private readonly lens = STATIC_FIELDS.map(() => [] as number[]);
  private readonly counts = new Map<TermKey, number>();

  add(doc: { videoId: string } & Record<StaticField, string>): void {
    const d = this.ids.length;
    this.ids.push(doc.videoId);
    const counts = this.counts;
    STATIC_FIELDS.forEach((name, f) => {
      counts.clear();
      const n = forEachKey(doc[name], (k) => counts.set(k, (counts.get(k) ?? 0) + 1));
      const post = this.postings[f];
      const lens = this.lens[f];
      if (!post || !lens) return; // both are built from STATIC_FIELDS, one per field
      lens.push(n);
      for (const [k, c] of counts) {
        const list = post.get(k);
        // doc and count packed in one number: docs stay < 2^24, counts ≤ 255.
        const packed = d * 256 + Math.min(c, 255);
        if (list) list.push(packed);
        else post.set(k, [packed]);
      }
    });
  }

  get size(): number {
    return this.ids.length;
  }

  finish(): StaticIndex {
    const nums = new Set<number>();
    const strs = new Set<string>();
    for (const post of this.postings)
      for (const k of post.keys())
        if (typeof k === 'number') nums.add(k);
        else strs.add(k);
    const numKeys = Uint32Array.from(nums).sort();
    const strKeys = [...strs].sort();
    const keys: TermKey[] = [...numKeys, ...strKeys];
    const fields = this.postings.map((post, f): FieldPostings => {
      let total = 0;
      for (const list of post.values()) total += list.length;
      const offsets = new Uint32Array(keys.length + 1);
      const docs = new Uint32Array(total);
      const tfs = new Uint8Array(total);
      let at = 0;
      keys.forEach((k, t) => {
        offsets[t] = at;
        for (const packed of post.get(k) ?? []) {
          docs[at] = Math.floor(packed / 256);
          tfs[at++] = packed % 256;
        }
      });
      offsets[keys.length] = at;
      const lens = Uint32Array.from(this.lens[f] ?? []);
      let sum = 0;
      let present = 0;
      for (const n of lens) {
        sum += n;
        if (n > 0) present++;
      }
      return { offsets, docs, tfs, lens, total: sum, present };
    });
    return new StaticIndex([...this.ids], numKeys, strKeys, fields);
  }
}

const align = (n: number) => (n + 7) & ~7;

/** Each value above the one before (`strict`), or not below it. */
function ascending(a: Uint32Array, strict: boolean): boolean {
  for (let i = 1; i < a.length; i++) if (strict ? a[i]! <= a[i - 1]! : a[i]! < a[i - 1]!) return false;
  return true;
}

/** The first index of sorted `a` whose value is not below `x` (a.length if none). */
function lowerBound<T extends number | string>(a: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // lo <= mid < hi <= a.length: a[mid] exists.
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
