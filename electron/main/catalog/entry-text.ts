// The text of one catalog entry: its `<summary>` head (index, date, title) and its summary
// body, cleaned as a reader would see them. Used by the scanner (parse.ts) once per entry,
// so the common case (a clean title, a heading that repeats it) takes no regular-expression
// replace and allocates nothing it does not keep.
import { decodeHTMLStrict } from 'entities';
import { lineEndOf } from './text-scan';

export interface Head {
  index: number;
  date: string | null;
  title: string;
  badDate?: string;
}

const INDEX = /^\s*(\d{1,15})\.\s/;
const DATE = /^\[(\d{4}-\d{2}-\d{2})\](?:\s|$)/;

/** `368. [2021-06-14] Title` → index, date, title; a string is the reason it is unusable. */
export function parseHead(inner: string): Head | string {
  const m = INDEX.exec(inner);
  if (!m) return 'no index before ". " in <summary>';
  const index = Number(m[1]);
  if (!Number.isSafeInteger(index) || index < 1) return `index ${m[1]} is out of range`;
  let rest = inner.slice(m[0].length).trimStart();
  let date: string | null = null;
  let badDate: string | undefined;
  // Only `[YYYY-MM-DD] ` is a date; `[ML 2021 ...]`, `[TA 補充課]` stay in the title.
  const d = rest.charCodeAt(0) === 91 /* [ */ ? DATE.exec(rest) : null;
  const ymd = d?.[1];
  if (d && ymd !== undefined) {
    // A date-shaped slot is the generator's date field even when the date is impossible,
    // so it leaves the title either way (else it would look like a `[...]` course tag).
    if (isCalendarDate(ymd)) date = ymd;
    else badDate = ymd;
    rest = rest.slice(d[0].length);
  }
  const title = cleanTitle(decodeEntities(rest));
  if (!title) return 'empty title';
  return { index, date, title, badDate };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written in `s[from, to)`, all ASCII digits (the date pattern made sure). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function isCalendarDate(s: string): boolean {
  const y = digits(s, 0, 4),
    m = digits(s, 5, 7),
    d = digits(s, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS[m - 1];
  return days !== undefined && d <= days;
}

// Anything cleanTitle would change: whitespace other than a single inner space, control
// characters, soft hyphens. Most titles have none and are returned as they are.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNCLEAN = /[^\S ]|[\u0000-\u001f\u007f\u00ad]| {2}|^ | $/;

// Control characters (from damaged bytes) never belong in a one-line title.
// Soft hyphens (`&shy;`) are line-break hints, not letters: dropped, so search still matches the word.
function cleanTitle(s: string): string {
  if (!UNCLEAN.test(s)) return s;
  return (
    s
      .replace(/\u00ad/g, '')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * HTML's full entity table (the `entities` package), strict: only `&name;` with its
 * semicolon, as a browser would show the page's text. One pass, so `&amp;lt;` becomes the
 * text `&lt;`; unknown names stay as written; bad code points become U+FFFD.
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}

/** Summary text: optional Transcript / all-docs / repeated-title lines dropped, blank edges trimmed. */
export function summaryText(src: string, start: number, end: number, title: string): string {
  let p = start;
  let headingSeen = false;
  while (p < end) {
    const e = lineEndOf(src, p, end);
    const t = src.slice(p, e).trim();
    const heading = t.startsWith('# ');
    const skip = t === '' || isDocLinkLine(t) || (!headingSeen && heading && repeatsTitle(t.slice(2), title));
    if (!skip) break;
    if (heading) headingSeen = true;
    p = e + 1;
  }
  if (p >= end) return '';
  return src.slice(p, end).trimEnd();
}

const DOC_LINKS = /^(?:\[(?:transcript|all docs)\]\([^()\s]*\)[\s|·•,]*)+$/i;

/** `[Transcript](…)` and `[all docs](…)` links, alone or several on one line. */
function isDocLinkLine(t: string): boolean {
  if (t.length > 2000 || t[0] !== '[') return false;
  return DOC_LINKS.test(t);
}

const normHeading = (s: string) =>
  decodeEntities(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_`#]+/g, '');
const stripTags = (s: string) => s.replace(/【[^】]{0,80}】/g, '').replace(/^\[[^\]]{0,80}\]/, '');

/** Lenient: equal after normalising, or one contains most of the other (editions strip `【…】` tags). */
export function repeatsTitle(heading: string, title: string): boolean {
  if (heading.trim() === title) return true;
  if (heading.length > 4 * title.length + 100) return false;
  const h = normHeading(heading),
    t = normHeading(title);
  if (!h) return false;
  if (h === t || normHeading(stripTags(heading)) === normHeading(stripTags(title))) return true;
  const [short, long] = h.length <= t.length ? [h, t] : [t, h];
  return short.length >= 0.6 * long.length && long.includes(short);
}
