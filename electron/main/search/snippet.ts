// Plain-text snippets with highlight offsets. Matching happens on folded text (so a
// Simplified query highlights the Traditional characters in the page); offsets are
// mapped back through foldWithMap so they index the text the student actually sees.
import { foldWithMap } from './normalize';
import { bigrams, isWordChar, type Run } from './tokenize';

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text`, sorted, non-overlapping. */
  highlights: [number, number][];
  /** Every query run occurs whole in the field (not just some of its bigrams). */
  complete: boolean;
}

/**
 * Crude Markdown → text: enough for a one-line preview, not a renderer. Each pass runs
 * only when its marker occurs: on two-byte (Chinese) strings every regex pass costs
 * tens of microseconds, and a page of 50 summary hits runs this 50 times per keystroke.
 */
export function plainText(md: string): string {
  let s = md;
  if (s.includes('<')) s = s.replace(/<[^>]*>/g, ' ');
  if (s.includes('](')) s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  s = s.replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '');
  s = s.replace(/^\s*([-*_=]\s*){3,}$/gm, ' ');
  // Emphasis marks vanish without a space, so `自**注意**力` still reads 自注意力.
  if (/[*`$~_]/.test(s)) s = s.replace(/[*`$~]+|(?<=^|\s)_{1,2}|_{1,2}(?=\s|$)/gm, '');
  if (s.includes('|')) s = s.replace(/\|/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Target snippet length in characters (the brief's 80–120). */
const WIDTH = 110;
/** Context kept before the first match. */
const LEAD = 30;
/** Bound the highlight work on pathological text (a term repeated thousands of times). */
const MAX_OCCURRENCES = 64;

/** [start, end) ranges in `folded` where the query runs occur, and whether all occur whole. */
function occurrences(folded: string, qruns: Run[]): { ranges: [number, number][]; complete: boolean } {
  const out: [number, number][] = [];
  let complete = true;
  for (const r of qruns) {
    const whole = out.length;
    // A CJK run matched through its bigrams need not appear contiguously: then mark the bigrams.
    const split = r.cjk && r.text.length > 1 && !folded.includes(r.text);
    const needles = split ? bigrams(r.text) : [r.text];
    for (const n of needles) {
      let found = 0;
      for (let at = folded.indexOf(n); at !== -1 && found < MAX_OCCURRENCES; at = folded.indexOf(n, at + 1)) {
        // Words match at a word start only (`gan` in `GAN`, not in `organ`), as the index does.
        if (!r.cjk && at > 0 && isWordChar(folded.charAt(at - 1))) continue;
        out.push([at, at + n.length]);
        found++;
      }
    }
    if (split || out.length === whole) complete = false;
  }
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of out) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return { ranges: merged, complete };
}

/**
 * A ~110-character window of `text` around the first occurrence of any query run, or null
 * when none occurs (the hit came from elsewhere, e.g. a prefix the window cannot show).
 */
export function makeSnippet(text: string, qruns: Run[], markdown: boolean): Snippet | null {
  return markdown && text.length > LONG
    ? (windowedSnippet(text, qruns) ?? wholeSnippet(text, qruns, true))
    : wholeSnippet(text, qruns, markdown);
}

/** Longer Markdown is cut around its first match before the Markdown passes (see windowedSnippet). */
const LONG = 600;
const BEFORE = 80;
const AFTER = 240;

/**
 * The snippet of a long Markdown field from a window of it: the first match is found on
 * the folded source, and only ~320 characters around it go through plainText, which
 * costs tens of microseconds per kilobyte of Chinese and runs for up to 50 hits per
 * keystroke. Null when the source shows no match (one split by Markdown marks): then the
 * whole field is used.
 */
function windowedSnippet(text: string, qruns: Run[]): Snippet | null {
  const { text: folded, map } = foldWithMap(text);
  const { ranges, complete } = occurrences(folded, qruns);
  const first = ranges[0];
  if (!first) return null;
  const at = map[first[0]];
  if (at === undefined) return null; // map has one entry per folded unit, so this does not happen
  let start = Math.max(0, at - BEFORE);
  let end = Math.min(text.length, at + AFTER);
  // Start at the line's start when it is near, so line-start Markdown (`# `, `- `) is seen as such.
  const line = text.lastIndexOf('\n', at) + 1;
  if (line > start) start = line;
  if (start > 0 && /[\udc00-\udfff]/.test(text.charAt(start))) start++;
  if (end < text.length && /[\udc00-\udfff]/.test(text.charAt(end))) end++;
  const s = wholeSnippet(text.slice(start, end), qruns, true);
  if (!s) return null;
  let out = s.text;
  let highlights = s.highlights;
  if (start > 0 && !out.startsWith('…')) {
    out = '…' + out;
    highlights = highlights.map(([a, b]): [number, number] => [a + 1, b + 1]);
  }
  if (end < text.length && !out.endsWith('…')) out += '…';
  // Whether every query word occurs whole is a property of the field, not of the window.
  return { text: out, highlights, complete };
}

function wholeSnippet(text: string, qruns: Run[], markdown: boolean): Snippet | null {
  const plain = markdown ? plainText(text) : text.replace(/\s+/g, ' ').trim();
  const { text: folded, map } = foldWithMap(plain);
  const { ranges: occ, complete } = occurrences(folded, qruns);
  if (occ.length === 0) return null;
  // map has an entry for every folded position and one past the end.
  const at = (i: number) => map[i] ?? plain.length;
  const ranges = occ.map(([s, e]): [number, number] => [at(s), Math.max(at(e), at(s) + 1)]);
  let start = 0;
  let end = plain.length;
  const first = ranges[0];
  if (plain.length > WIDTH && first) {
    start = Math.max(0, first[0] - LEAD);
    end = Math.min(plain.length, start + WIDTH);
    start = Math.max(0, end - WIDTH);
    // Never split a surrogate pair at either edge.
    if (start > 0 && /[\udc00-\udfff]/.test(plain.charAt(start))) start++;
    if (end < plain.length && /[\udc00-\udfff]/.test(plain.charAt(end))) end++;
  }
  const pre = start > 0 ? '…' : '';
  const shift = pre.length - start;
  const highlights: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    highlights.push([Math.max(s, start) + shift, Math.min(e, end) + shift]);
  }
  return { text: pre + plain.slice(start, end) + (end < plain.length ? '…' : ''), highlights, complete };
}

/** The start of `text` as a snippet with nothing highlighted. */
export function leadSnippet(text: string, markdown: boolean): Snippet {
  const plain = markdown ? plainText(text) : text.replace(/\s+/g, ' ').trim();
  return { text: plain.length > WIDTH ? plain.slice(0, WIDTH) + '…' : plain, highlights: [], complete: false };
}
