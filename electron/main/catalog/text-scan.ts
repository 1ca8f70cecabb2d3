// Character-level helpers for the catalog scanner (parse.ts): positions in one big string,
// read with charCodeAt and indexOf so no line is ever copied just to be looked at.

export const isIdChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff || c === 0xa0;

/** End of the line starting at or after `from`, never past `limit`. */
export function lineEndOf(s: string, from: number, limit: number): number {
  const e = s.indexOf('\n', from);
  return e < 0 || e > limit ? limit : e;
}

/** Start of the line holding `pos` when only spaces or tabs precede it there, else -1. */
export function lineStartIfBlankBefore(s: string, pos: number): number {
  let i = pos;
  while (i > 0 && (s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || s.charCodeAt(i - 1) === 10 ? i : -1;
}

/** True when only spaces or tabs follow `pos` up to the end of its line. */
export function blankAfter(s: string, pos: number): boolean {
  while (pos < s.length && (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9)) pos++;
  return pos === s.length || s.charCodeAt(pos) === 10;
}
