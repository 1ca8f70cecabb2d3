// Text folding shared by the index, the query and the snippet highlighter, so all three
// agree on what "the same text" is: NFKC (full-width → ASCII, compatibility ideographs),
// lower case, and Traditional → Simplified Chinese, one character at a time.
//
// Why Traditional → Simplified and not the reverse: it is the many-to-one direction
// (後/后 → 后, 乾/幹/干 → 干), so a character needs no context to fold, while
// Simplified → Traditional must guess from phrases. Why per character: opencc-js's
// phrase converter costs ~75 ms per million characters (≈0.5 s for the 14 MB catalog),
// whereas a 64K-entry table built once (≈65 ms, lazily) folds text in a plain loop and
// keeps offsets (one original character ↦ known output units) for highlighting.
import { Converter } from 'opencc-js/t2cn';

const MULTI = 0xffff; // table marker: the character folds to 0 or ≥2 UTF-16 units (see `multi`)

let table: Uint16Array | null = null;
const multi = new Map<number, string>();
const astral = new Map<string, string>();
let t2s: ((s: string) => string) | null = null;

function converter(): (s: string) => string {
  t2s ??= Converter({ from: 'tw', to: 'cn' });
  return t2s;
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const cps: number[] = [];
  const inputs: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    t[cp] = cp;
    if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0x0a) continue; // surrogates: handled as pairs; \n: the batch separator
    cps.push(cp);
    inputs.push(String.fromCharCode(cp).normalize('NFKC').toLowerCase());
  }
  // One converter call over every character, newline-separated, so no phrase rule spans two.
  const outputs = converter()(inputs.join('\n')).split('\n');
  const aligned = outputs.length === inputs.length;
  cps.forEach((cp, i) => {
    const out = (aligned ? outputs[i] : undefined) ?? converter()(inputs[i] ?? '');
    if (out.length === 1 && out.charCodeAt(0) !== MULTI) t[cp] = out.charCodeAt(0);
    else {
      t[cp] = MULTI;
      multi.set(cp, out);
    }
  });
  for (let cp = 0xd800; cp <= 0xdfff; cp++) t[cp] = MULTI;
  return t;
}

function foldTable(): Uint16Array {
  table ??= buildTable();
  return table;
}

/** Folded form of the character (or surrogate pair) starting at `i`, and its length in `text`. */
function foldSlow(text: string, i: number): [string, number] {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const pair = text.slice(i, i + 2);
      let f = astral.get(pair);
      if (f === undefined) {
        f = converter()(pair.normalize('NFKC').toLowerCase());
        astral.set(pair, f);
      }
      return [f, 2];
    }
  }
  if (c >= 0xd800 && c <= 0xdfff) return [text.charAt(i), 1]; // a lone surrogate stays as it is
  return [multi.get(c) ?? text.charAt(i), 1];
}

const decoder = new TextDecoder('utf-16le');

function foldInto(text: string, withMap: boolean): { text: string; map: Int32Array | null } {
  const t = foldTable();
  const n = text.length;
  let out = new Uint16Array(n + 16);
  let map = withMap ? new Int32Array(n + 17) : null;
  let o = 0;
  for (let i = 0; i < n;) {
    const v = t[text.charCodeAt(i)] ?? MULTI; // the table covers every UTF-16 unit
    if (v !== MULTI) {
      if (map) map[o] = i;
      out[o++] = v;
      i++;
      continue;
    }
    const [f, used] = foldSlow(text, i);
    if (o + f.length + 1 > out.length) {
      const grown = new Uint16Array(out.length * 2 + f.length);
      grown.set(out);
      out = grown;
      if (map) {
        const gm = new Int32Array(grown.length + 1);
        gm.set(map);
        map = gm;
      }
    }
    for (let k = 0; k < f.length; k++) {
      if (map) map[o] = i;
      out[o++] = f.charCodeAt(k);
    }
    i += used;
  }
  if (map) map[o] = n;
  return { text: decoder.decode(out.subarray(0, o)), map: map ? map.subarray(0, o + 1) : null };
}

/** Fold text for indexing and matching: NFKC, lower case, Traditional → Simplified. */
export function fold(text: string): string {
  return foldInto(text, false).text;
}

/**
 * Fold and keep where each output unit came from: `map[j]` is the index in `text` of the
 * character that produced folded unit `j`; `map[folded.length] === text.length`.
 */
export function foldWithMap(text: string): { text: string; map: Int32Array } {
  const r = foldInto(text, true);
  return { text: r.text, map: r.map as Int32Array };
}
