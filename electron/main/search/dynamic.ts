// The changing part of the index: the student's notes (few, edited any time), and the
// title and summary of a page that differs from the catalog's packed index (postings.ts).
// Plain maps keyed by video id: small, and updated in place on every save.
import { forEachKey, type TermKey } from './tokenize';

export class DynamicField {
  /** key → video id → count in the field. */
  readonly postings = new Map<TermKey, Map<string, number>>();
  readonly lens = new Map<string, number>();
  total = 0;
  private readonly keysOf = new Map<string, TermKey[]>();

  /** Index `text` as this field of `id`, replacing what was there; '' removes it. */
  set(id: string, text: string): void {
    this.delete(id);
    if (text === '') return;
    const counts = new Map<TermKey, number>();
    const n = forEachKey(text, (k) => counts.set(k, (counts.get(k) ?? 0) + 1));
    if (n === 0) return;
    for (const [k, c] of counts) {
      let m = this.postings.get(k);
      if (!m) this.postings.set(k, (m = new Map()));
      m.set(id, c);
    }
    this.keysOf.set(id, [...counts.keys()]);
    this.lens.set(id, n);
    this.total += n;
  }

  delete(id: string): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    for (const k of keys) {
      const m = this.postings.get(k)!;
      m.delete(id);
      if (m.size === 0) this.postings.delete(k);
    }
    this.keysOf.delete(id);
    this.total -= this.lens.get(id)!;
    this.lens.delete(id);
  }

  get present(): number {
    return this.lens.size;
  }

  /** Keys here that extend `key` (see StaticIndex.extensions). */
  extensions(key: TermKey): TermKey[] {
    const out: TermKey[] = [];
    for (const k of this.postings.keys()) {
      if (k === key) continue;
      if (typeof key === 'number') {
        if (typeof k === 'number' && key < 65536 && Math.floor(k / 65536) === key) out.push(k);
      } else if (typeof k === 'string' && k.startsWith(key)) out.push(k);
    }
    return out;
  }
}
