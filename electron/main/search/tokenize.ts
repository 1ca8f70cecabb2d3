// Tokens for a language with no spaces. CJK runs become overlapping character bigrams
// plus the run's last character: any contiguous CJK substring of two or more characters
// is then found by AND-ing its bigrams (`注意力` → 注意 + 意力 matches `自注意力機制`,
// which Intl.Segmenter would keep as one word), and a single character by prefix search
// (every character starts some token). Everything else splits into letter/digit words.
import { fold } from './normalize';

const CJK = '[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}]';
const WORDISH = '[\\p{L}\\p{N}\\p{M}]';
// `v` flag: set intersection/subtraction keeps CJK punctuation (。「」) out of runs and
// CJK letters out of words. Built at run time because the compile target predates `v`.
const CJK_LETTER = new RegExp(`[${CJK}&&${WORDISH}]`, 'v');
const WORD_CHAR = new RegExp(`[${WORDISH}--${CJK}]`, 'v');

const OTHER = 0;
const CJK_RUN = 1;
const WORD_RUN = 2;
const SURROGATE = 3;

/** The longest word kept as a token; longer runs are base64, URLs or noise. */
export const MAX_WORD = 64;
/** Query terms beyond this only narrow an AND further; capping keeps long pastes fast. */
export const MAX_QUERY_TERMS = 32;

const classify = (ch: string) => (CJK_LETTER.test(ch) ? CJK_RUN : WORD_CHAR.test(ch) ? WORD_RUN : OTHER);

// Per-character classes for the BMP, built once (≈10 ms): a table lookup per character
// is several times faster than running the Unicode-property regex over 14 MB.
let classes: Uint8Array | null = null;
function classTable(): Uint8Array {
  if (classes) return classes;
  classes = new Uint8Array(0x10000);
  for (let cp = 0; cp <= 0xffff; cp++) {
    classes[cp] = cp >= 0xd800 && cp <= 0xdfff ? SURROGATE : classify(String.fromCharCode(cp));
  }
  return classes;
}
const astralClass = new Map<number, number>();

/** Calls `emit(start, end, cjk)` for each run of `folded`. */
export function scanRuns(folded: string, emit: (start: number, end: number, cjk: boolean) => void): void {
  const cls = classTable();
  const n = folded.length;
  const classAt = (i: number): number => {
    const c = cls[folded.charCodeAt(i)] ?? OTHER; // the table covers every UTF-16 unit
    if (c !== SURROGATE) return c;
    const cp = folded.codePointAt(i)!;
    if (cp < 0x10000) return OTHER; // a lone surrogate
    let a = astralClass.get(cp);
    if (a === undefined) astralClass.set(cp, (a = classify(String.fromCodePoint(cp))));
    return a;
  };
  const width = (i: number) => (folded.charCodeAt(i) >= 0xd800 && folded.charCodeAt(i) <= 0xdbff && i + 1 < n ? 2 : 1);
  let i = 0;
  while (i < n) {
    const kind = classAt(i);
    if (kind === OTHER) {
      i += width(i);
      continue;
    }
    const start = i;
    i += width(i);
    while (i < n && classAt(i) === kind) i += width(i);
    emit(start, i, kind === CJK_RUN);
  }
}

export interface Run {
  /** Folded text of the run. */
  text: string;
  cjk: boolean;
}

/**
 * Plural folding, the only stemming done: `GANs`, `networks`, `transformers` meet their
 * singular. Applied to index and query alike; -ss/-us/-is words (`loss`, `bonus`, `this`)
 * and short words keep their s.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n < 4 || word.charCodeAt(n - 1) !== 0x73) return word;
  const prev = word.charCodeAt(n - 2);
  return prev === 0x73 || prev === 0x75 || prev === 0x69 ? word : word.slice(0, -1);
}

/** Runs of folded text, in order. */
export function runs(folded: string): Run[] {
  const out: Run[] = [];
  scanRuns(folded, (s, e, cjk) => out.push({ text: folded.slice(s, e), cjk }));
  return out;
}

export function chars(run: string): string[] {
  // Fast path: no surrogate pairs (almost all text) → index by UTF-16 unit.
  return /[\ud800-\udfff]/.test(run) ? Array.from(run) : run.split('');
}

/** Bigrams of a CJK run; a one-character run is its own token. */
export function bigrams(run: string): string[] {
  const cs = chars(run);
  if (cs.length === 1) return cs;
  const out: string[] = [];
  let prev: string | undefined;
  for (const c of cs) {
    if (prev !== undefined) out.push(prev + c);
    prev = c;
  }
  return out;
}

/**
 * An index key. A CJK character of the Basic Multilingual Plane is its code unit and a
 * bigram of two is `a * 65536 + b`: numbers, so 14 MB of text makes no key strings, and a
 * character's bigrams form one numeric range (its prefix search). Words, and the rare CJK
 * characters outside the BMP (`~` + the characters), are strings.
 */
export type TermKey = number | string;

const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;
const astralKey = (token: string) => '~' + token;

/** Calls `emit` with every key of `text` (folded here), in order; returns how many. */
export function forEachKey(text: string, emit: (key: TermKey) => void): number {
  const folded = fold(text);
  let n = 0;
  scanRuns(folded, (s, e, cjk) => {
    if (!cjk) {
      if (e - s <= MAX_WORD) {
        emit(stem(folded.slice(s, e)));
        n++;
      }
      return;
    }
    let bmp = true;
    for (let i = s; i < e; i++) if (isSurrogate(folded.charCodeAt(i))) bmp = false;
    if (bmp) {
      for (let i = s; i + 1 < e; i++) emit(folded.charCodeAt(i) * 65536 + folded.charCodeAt(i + 1));
      emit(folded.charCodeAt(e - 1)); // so a single-character query finds the run's last character too
      n += e - s;
      return;
    }
    const cs = Array.from(folded.slice(s, e));
    let prev: string | undefined;
    for (const c of cs) {
      if (prev !== undefined) emit(cjkKey(prev + c));
      prev = c;
    }
    if (prev !== undefined) emit(cjkKey(prev)); // the run's last character alone
    n += cs.length;
  });
  return n;
}

/** The index key of a CJK token (one or two characters, already folded). */
export function cjkKey(token: string): TermKey {
  if (token.length === 1) return isSurrogate(token.charCodeAt(0)) ? astralKey(token) : token.charCodeAt(0);
  if (token.length === 2 && !isSurrogate(token.charCodeAt(0)) && !isSurrogate(token.charCodeAt(1))) {
    return token.charCodeAt(0) * 65536 + token.charCodeAt(1);
  }
  return astralKey(token);
}

/** True when `c` (one character) continues an alphabetic or numeric word. */
export function isWordChar(c: string): boolean {
  return WORD_CHAR.test(c);
}

export interface ParsedQuery {
  /** One group per query run: the index keys that must all match for that run. */
  groups: TermKey[][];
  /** Keys searched as prefixes: single CJK characters, and the last word while typing. */
  prefix: Set<TermKey>;
  /** The runs themselves, for snippets and the not-ready substring scan. */
  runs: Run[];
}

export function parseQuery(query: string): ParsedQuery {
  const q = query.slice(0, 1000);
  const rs = runs(fold(q));
  const groups: TermKey[][] = [];
  const prefix = new Set<TermKey>();
  // A query that ends in a letter or digit is still being typed: complete its last word.
  const typing = q.length > 0 && isWordChar(q.charAt(q.length - 1));
  rs.forEach((r, i) => {
    if (r.cjk) {
      const g = bigrams(r.text).map(cjkKey);
      const only = g[0];
      if (chars(r.text).length === 1 && only !== undefined) prefix.add(only);
      groups.push(g);
    } else {
      const w = stem(r.text.slice(0, MAX_WORD));
      r.text = w; // snippets look for the stem at a word start: `gan` marks GAN and GANs
      // One-letter prefixes expand to thousands of terms; not worth the latency.
      if (i === rs.length - 1 && typing && w.length >= 2) prefix.add(w);
      groups.push([w]);
    }
  });
  return { groups, prefix, runs: rs };
}

/**
 * Which of a query's keys to actually look up. A page containing a CJK run contains every
 * bigram of it, so any subset keeps recall; dropping the bigrams most pages contain (學習,
 * 模型 in this catalog) keeps a query from walking their long posting lists. Per run we
 * keep the rare bigrams (in ≤ 5% of pages), and at least the two rarest, which keeps
 * precision close to the full set (強化學習 → 強化 + 化學).
 */
export function planGroups(groups: TermKey[][], df: (key: TermKey) => number, docCount: number): TermKey[][] {
  const common = Math.max(20, docCount * 0.05);
  return groups.map((g) => {
    if (g.length <= 2) return g;
    const order = g.map((k) => ({ k, f: df(k) })).sort((a, b) => a.f - b.f);
    return order.filter((o, i) => i < 2 || o.f <= common).map((o) => o.k);
  });
}
