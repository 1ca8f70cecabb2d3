// Catalog page (Markdown of `<details>` blocks, as in resources/catalog.md) → entries; the
// format's rules, each with its case, are in tests/unit/catalog/parse.test.ts.
// The text is untrusted and can be huge, so the scan is one forward pass with indexOf and
// charCode checks; no regular expression ever runs over more than one short line.
import { decodeHTMLStrict } from 'entities';
import type { CatalogEntry, CatalogWarning, ParseResult } from '../../shared/types';

const ID_LEN = 11;

export function parseCatalog(text: string, file = '<catalog>'): ParseResult {
  const src = normalise(text);
  const warnings: CatalogWarning[] = [];
  const found: CatalogEntry[] = [];
  const warn: Warn = (line, message) => { warnings.push({ file, line, message }); };
  const lineAt = lineCounter(src);
  const orphans = orphanFinder(src, lineAt, warn);

  // Jump between `details>` occurrences instead of visiting every line: summaries are most of the text.
  let open: { line: number; start: number } | null = null;
  let outside = 0; // where the text between blocks began (for orphan `<summary>` lines)
  for (let hit = src.indexOf('details>'); hit >= 0; hit = src.indexOf('details>', hit + 8)) {
    if (src.charCodeAt(hit - 1) === 60 /* < */) {
      const ls = lineStartIfBlankBefore(src, hit - 1);
      if (ls < 0) continue;
      // A new block before `</details>`: the previous one was never closed.
      if (open) takeEntry(src, open.line, open.start, ls, 'unclosed', found, warn);
      else orphans(outside, ls);
      open = { line: lineAt(hit), start: hit + 8 };
    } else if (open && src.startsWith('</', hit - 2) && hit - 2 >= open.start && blankAfter(src, hit + 8)) {
      takeEntry(src, open.line, open.start, hit - 2, 'closed', found, warn);
      open = null;
      outside = hit + 8;
    }
  }
  if (open) takeEntry(src, open.line, open.start, src.length, 'truncated', found, warn);
  else orphans(outside, src.length);
  // A wrong file (a README, a download error page) would otherwise load as silently empty.
  if (found.length === 0 && warnings.length === 0) warn(1, 'no catalog entries found: this does not look like a catalog page');

  return { entries: dedupe(found, warn), warnings };
}

/** Merges several pages (editions overlap); entries come back sorted by index ascending. */
export function parseCatalogs(files: { text: string; file: string }[]): ParseResult {
  const warnings: CatalogWarning[] = [];
  const all: (CatalogEntry & { file: string })[] = [];
  for (const f of files) {
    const r = parseCatalog(f.text, f.file);
    warnings.push(...r.warnings);
    for (const e of r.entries) all.push({ ...e, file: f.file });
  }
  const byId = new Map<string, CatalogEntry & { file: string }>();
  for (const e of all) {
    const prev = byId.get(e.videoId);
    if (!prev) { byId.set(e.videoId, e); continue; }
    const { keep, drop, why } = pick(prev, e, true);
    byId.set(e.videoId, { ...keep, date: keep.date ?? drop.date });
    warnings.push({
      file: drop.file, line: drop.line,
      message: `video ${e.videoId} also appears in ${keep.file} line ${keep.line}; kept that one (${why})`,
    });
  }
  const entries = [...byId.values()].map(({ file: _file, ...e }) => e);
  entries.sort((a, b) => a.index - b.index || a.line - b.line);
  return { entries, warnings };
}

type Outcome = 'closed' | 'unclosed' | 'truncated';
type Warn = (line: number, message: string) => void;

/** Parses one block: `start` is just after `<details>`, `end` is where its summary text stops. */
function takeEntry(src: string, line: number, start: number, end: number, how: Outcome, out: CatalogEntry[], warn: Warn): void {
  const cut = how === 'truncated';
  const skip = (why: string) => warn(line, `${cut ? 'entry cut off by the end of the file' : 'malformed entry'}: ${why}; skipped`);

  // The `<summary>` is the first non-blank text after `<details>` (same line or a later one).
  let p = start;
  while (p < end && isSpace(src.charCodeAt(p))) p++;
  if (!src.startsWith('<summary>', p)) return skip('no <summary> line');
  const rel = src.slice(p, lineEndOf(src, p, end)).indexOf('</summary>');
  if (rel < 0) return skip('the <summary> line has no </summary>');
  const close = p + rel;
  const head = parseHead(src.slice(p + '<summary>'.length, close));
  if (typeof head === 'string') return skip(head);

  // The link block runs from after `</summary>` to `</a>`; stop at a blank line if `</a>` is missing.
  const linkStart = close + '</summary>'.length;
  let bodyStart = -1;
  let q = lineEndOf(src, linkStart, end) + 1;
  let seenTag = false;
  const firstLine = src.slice(linkStart, lineEndOf(src, linkStart, end));
  let aClose = firstLine.indexOf('</a>');
  if (aClose >= 0) bodyStart = linkStart + aClose + 4;
  while (bodyStart < 0 && q < end) {
    const e = lineEndOf(src, q, end);
    const text = src.slice(q, e);
    aClose = text.indexOf('</a>');
    if (aClose >= 0) { bodyStart = q + aClose + 4; break; }
    if (text.trim() === '') { if (seenTag) break; } else seenTag = true;
    q = e + 1;
  }
  const linkEnd = bodyStart >= 0 ? bodyStart : Math.min(q, end);
  const ids = findIds(src.slice(linkStart, linkEnd), cut && linkEnd >= end);
  const videoId = ids.link ?? ids.thumb;
  if (!videoId) return skip(ids.cutOff ? 'the video link is incomplete' : 'no valid video id');
  if (ids.link && ids.thumb && ids.link !== ids.thumb) {
    warn(line, `the link (${ids.link}) and thumbnail (${ids.thumb}) disagree; using the link`);
  }
  if (head.badDate) warn(line, `"${head.badDate}" is not a calendar date; entry kept without a date`);
  if (bodyStart < 0) {
    if (!cut) warn(line, 'the link block is not closed by </a>');
    bodyStart = linkEnd;
  }
  if (how === 'truncated') warn(line, 'entry cut off by the end of the file; kept what was there');
  if (how === 'unclosed') warn(line, 'entry not closed by </details> before the next <details>; kept');

  out.push({ index: head.index, date: head.date, title: head.title, videoId, summary: summaryText(src, bodyStart, Math.max(bodyStart, end), head.title), line });
}

interface Head { index: number; date: string | null; title: string; badDate?: string }

/** `368. [2021-06-14] Title` → index, date, title; a string is the reason it is unusable. */
function parseHead(inner: string): Head | string {
  const m = /^\s*(\d{1,15})\.\s/.exec(inner);
  if (!m) return 'no index before ". " in <summary>';
  const index = Number(m[1]);
  if (!Number.isSafeInteger(index) || index < 1) return `index ${m[1]} is out of range`;
  let rest = inner.slice(m[0].length).replace(/^\s+/, '');
  let date: string | null = null;
  let badDate: string | undefined;
  // Only `[YYYY-MM-DD] ` is a date; `[ML 2021 ...]`, `[TA 補充課]` stay in the title.
  const d = /^\[(\d{4}-\d{2}-\d{2})\](?:\s|$)/.exec(rest);
  const ymd = d?.[1];
  if (d && ymd !== undefined) {
    // A date-shaped slot is the generator's date field even when the date is impossible,
    // so it leaves the title either way (else it would look like a `[...]` course tag).
    if (isCalendarDate(ymd)) date = ymd; else badDate = ymd;
    rest = rest.slice(d[0].length);
  }
  const title = cleanTitle(decodeEntities(rest));
  if (!title) return 'empty title';
  return { index, date, title, badDate };
}

function isCalendarDate(s: string): boolean {
  const y = Number(s.slice(0, 4)), m = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d <= days;
}

// Control characters (from damaged bytes) never belong in a one-line title.
// Soft hyphens (`&shy;`) are line-break hints, not letters: dropped, so search still matches the word.
function cleanTitle(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/\u00ad/g, '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * HTML's full entity table (the `entities` package), strict: only `&name;` with its
 * semicolon, as a browser would show the page's text. One pass, so `&amp;lt;` becomes the
 * text `&lt;`; unknown names stay as written; bad code points become U+FFFD.
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}

/** Ids in the link block: `watch?v=ID` and `img.youtube.com/vi/ID/`, exactly 11 id characters each. */
function findIds(block: string, atFileEnd: boolean): { link?: string; thumb?: string; cutOff: boolean } {
  let cutOff = false;
  const grab = (marker: string, after: (c: number) => boolean): string | undefined => {
    for (let i = block.indexOf(marker); i >= 0; i = block.indexOf(marker, i + 1)) {
      const a = i + marker.length;
      let b = a;
      while (b < block.length && b - a <= ID_LEN && isIdChar(block.charCodeAt(b))) b++;
      if (b - a !== ID_LEN) { if (b === block.length && atFileEnd) cutOff = true; continue; }
      // The character after the id must be present: at the end of a cut file the id may be partial.
      if (b === block.length) { if (atFileEnd) cutOff = true; continue; }
      if (after(block.charCodeAt(b))) return block.slice(a, b);
    }
    return undefined;
  };
  const link = grab('watch?v=', (c) => !isIdChar(c));
  const thumb = grab('youtube.com/vi/', (c) => c === 47 /* / */ || c === 34 /* " */ || c === 39 || c === 63 /* ? */);
  return { link, thumb, cutOff };
}

const isIdChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff || c === 0xa0;

/** Summary text: optional Transcript / all-docs / repeated-title lines dropped, blank edges trimmed. */
function summaryText(src: string, start: number, end: number, title: string): string {
  let p = start;
  let headingSeen = false;
  while (p < end) {
    const e = lineEndOf(src, p, end);
    const t = src.slice(p, e).trim();
    const skip = t === '' || isDocLinkLine(t) || (!headingSeen && t.startsWith('# ') && repeatsTitle(t.slice(2), title));
    if (!skip) break;
    if (t.startsWith('# ')) headingSeen = true;
    p = e + 1;
  }
  if (p >= end) return '';
  return src.slice(p, end).trimEnd();
}

/** `[Transcript](…)` and `[all docs](…)` links, alone or several on one line. */
function isDocLinkLine(t: string): boolean {
  if (t.length > 2000 || t[0] !== '[') return false;
  return /^(?:\[(?:transcript|all docs)\]\([^()\s]*\)[\s|·•,]*)+$/i.test(t);
}

/** Lenient: equal after normalising, or one contains most of the other (editions strip `【…】` tags). */
export function repeatsTitle(heading: string, title: string): boolean {
  const norm = (s: string) => decodeEntities(s).normalize('NFKC').toLowerCase().replace(/[\s*_`#]+/g, '');
  const stripTags = (s: string) => s.replace(/【[^】]{0,80}】/g, '').replace(/^\[[^\]]{0,80}\]/, '');
  if (heading.trim() === title) return true;
  if (heading.length > 4 * title.length + 100) return false;
  const h = norm(heading), t = norm(title);
  if (!h) return false;
  if (h === t || norm(stripTags(heading)) === norm(stripTags(title))) return true;
  const [short, long] = h.length <= t.length ? [h, t] : [t, h];
  return short.length >= 0.6 * long.length && long.includes(short);
}

/** One entry per video id: the longer summary wins, else (across pages) the dated one, else the first. */
function pick<E extends CatalogEntry>(first: E, second: E, preferDate: boolean): { keep: E; drop: E; why: string } {
  if (second.summary.length > first.summary.length) return { keep: second, drop: first, why: 'longer summary' };
  if (second.summary.length < first.summary.length) return { keep: first, drop: second, why: 'longer summary' };
  if (preferDate && second.date && !first.date) return { keep: second, drop: first, why: 'has a date' };
  return { keep: first, drop: second, why: 'first seen' };
}

function dedupe(found: CatalogEntry[], warn: Warn): CatalogEntry[] {
  const slot = new Map<string, number>();
  const out: CatalogEntry[] = [];
  for (const e of found) {
    const i = slot.get(e.videoId);
    const first = i === undefined ? undefined : out[i];
    if (i === undefined || first === undefined) { slot.set(e.videoId, out.length); out.push(e); continue; }
    const { keep, drop, why } = pick(first, e, false);
    // The survivor takes the first one's place, so page order is kept.
    out[i] = { ...keep, date: keep.date ?? drop.date };
    warn(drop.line, `duplicate video id ${e.videoId}: kept the entry at line ${keep.line} (${why}), dropped this one`);
  }
  return out;
}

function normalise(text: string): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s;
}

/** Line number of a position; positions must not decrease between calls, so the count is one pass. */
function lineCounter(src: string): (pos: number) => number {
  let line = 1;
  let nl = src.indexOf('\n');
  return (pos) => {
    while (nl >= 0 && nl < pos) { line++; nl = src.indexOf('\n', nl + 1); }
    return line;
  };
}

/** Warns about `<summary>` lines between blocks (usually a damaged `<details>` line), in one pass overall. */
function orphanFinder(src: string, lineAt: (pos: number) => number, warn: Warn): (from: number, to: number) => void {
  let next = src.indexOf('<summary>');
  return (from, to) => {
    while (next >= 0 && next < from) next = src.indexOf('<summary>', next + 1);
    while (next >= 0 && next < to) {
      if (lineStartIfBlankBefore(src, next) >= 0) warn(lineAt(next), 'a <summary> line outside any <details> block; skipped');
      next = src.indexOf('<summary>', next + 1);
    }
  };
}

/** Start of the line holding `pos` when only spaces or tabs precede it there, else -1. */
function lineStartIfBlankBefore(s: string, pos: number): number {
  let i = pos;
  while (i > 0 && (s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) i--;
  return i === 0 || s.charCodeAt(i - 1) === 10 ? i : -1;
}

function blankAfter(s: string, pos: number): boolean {
  while (pos < s.length && (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9)) pos++;
  return pos === s.length || s.charCodeAt(pos) === 10;
}

function lineEndOf(s: string, from: number, limit: number): number {
  const e = s.indexOf('\n', from);
  return e < 0 || e > limit ? limit : e;
}
