// Catalog page (Markdown of `<details>` blocks, as in resources/catalog.md) → entries; the
// format's rules, each with its case, are in tests/unit/catalog/parse.test.ts.
// The text is untrusted and can be huge, so the scan is one forward pass with indexOf and
// charCode checks; no regular expression ever runs over more than one short line.
// Helpers are module functions, not closures made per entry: a catalog has thousands.
import type { CatalogEntry, CatalogWarning, ParseResult } from '../../shared/types';
import { dedupePage, mergePages } from './dedupe';
import { parseHead, summaryText } from './entry-text';
import { blankAfter, isIdChar, isSpace, lineEndOf, lineStartIfBlankBefore } from './text-scan';

const ID_LEN = 11;
/** A line `trim` would empty, tested without making the trimmed copy. */
const BLANK = /^\s*$/;

/** Warnings of one page, with the file name filled in. */
class Warnings {
  readonly list: CatalogWarning[] = [];
  constructor(private readonly file: string) {}
  add(line: number, message: string): void {
    this.list.push({ file: this.file, line, message });
  }
}

export function parseCatalog(text: string, file = '<catalog>'): ParseResult {
  const src = normalise(text);
  const warnings = new Warnings(file);
  const found: CatalogEntry[] = [];
  const lines = new LineCounter(src);
  const orphans = new OrphanFinder(src);

  // Jump between `details>` occurrences instead of visiting every line: summaries are most of the text.
  let open = -1; // where the open block's text starts (just after `<details>`), or -1
  let openLine = 0;
  let outside = 0; // where the text between blocks began (for orphan `<summary>` lines)
  for (let hit = src.indexOf('details>'); hit >= 0; hit = src.indexOf('details>', hit + 8)) {
    if (src.charCodeAt(hit - 1) === 60 /* < */) {
      const ls = lineStartIfBlankBefore(src, hit - 1);
      if (ls < 0) continue;
      // A new block before `</details>`: the previous one was never closed.
      if (open >= 0) takeEntry(src, openLine, open, ls, 'unclosed', found, warnings);
      else orphans.warnBetween(outside, ls, lines, warnings);
      open = hit + 8;
      openLine = lines.at(hit);
    } else if (open >= 0 && hit - 2 >= open && src.startsWith('</', hit - 2) && blankAfter(src, hit + 8)) {
      takeEntry(src, openLine, open, hit - 2, 'closed', found, warnings);
      open = -1;
      outside = hit + 8;
    }
  }
  if (open >= 0) takeEntry(src, openLine, open, src.length, 'truncated', found, warnings);
  else orphans.warnBetween(outside, src.length, lines, warnings);
  // A wrong file (a README, a download error page) would otherwise load as silently empty.
  if (found.length === 0 && warnings.list.length === 0) warnings.add(1, 'no catalog entries found: this does not look like a catalog page');

  const entries = dedupePage(found, (line, message) => warnings.add(line, message));
  return { entries, warnings: warnings.list };
}

/** Merges several pages (editions overlap); entries come back sorted by index ascending. */
export function parseCatalogs(files: { text: string; file: string }[]): ParseResult {
  const warnings: CatalogWarning[] = [];
  const pages = files.map((f) => {
    const r = parseCatalog(f.text, f.file);
    warnings.push(...r.warnings);
    return { file: f.file, entries: r.entries };
  });
  return { entries: mergePages(pages, warnings), warnings };
}

type Outcome = 'closed' | 'unclosed' | 'truncated';

function skipEntry(warnings: Warnings, line: number, how: Outcome, why: string): void {
  warnings.add(line, `${how === 'truncated' ? 'entry cut off by the end of the file' : 'malformed entry'}: ${why}; skipped`);
}

/** Parses one block: `start` is just after `<details>`, `end` is where its summary text stops. */
function takeEntry(src: string, line: number, start: number, end: number, how: Outcome, out: CatalogEntry[], warnings: Warnings): void {
  const cut = how === 'truncated';

  // The `<summary>` is the first non-blank text after `<details>` (same line or a later one).
  let p = start;
  while (p < end && isSpace(src.charCodeAt(p))) p++;
  if (!src.startsWith('<summary>', p)) return skipEntry(warnings, line, how, 'no <summary> line');
  const rel = src.slice(p, lineEndOf(src, p, end)).indexOf('</summary>');
  if (rel < 0) return skipEntry(warnings, line, how, 'the <summary> line has no </summary>');
  const close = p + rel;
  const head = parseHead(src.slice(p + '<summary>'.length, close));
  if (typeof head === 'string') return skipEntry(warnings, line, how, head);

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
    if (aClose >= 0) {
      bodyStart = q + aClose + 4;
      break;
    }
    if (BLANK.test(text)) {
      if (seenTag) break;
    } else seenTag = true;
    q = e + 1;
  }
  const linkEnd = bodyStart >= 0 ? bodyStart : Math.min(q, end);
  const atFileEnd = cut && linkEnd >= end;
  const block = src.slice(linkStart, linkEnd);
  const link = findId(block, 'watch?v=', atFileEnd, isLinkEnd);
  const thumb = findId(block, 'youtube.com/vi/', atFileEnd, isThumbEnd);
  const videoId = typeof link === 'string' ? link : typeof thumb === 'string' ? thumb : null;
  if (videoId === null)
    return skipEntry(warnings, line, how, link === CUT_OFF || thumb === CUT_OFF ? 'the video link is incomplete' : 'no valid video id');
  if (typeof link === 'string' && typeof thumb === 'string' && link !== thumb) {
    warnings.add(line, `the link (${link}) and thumbnail (${thumb}) disagree; using the link`);
  }
  if (head.badDate) warnings.add(line, `"${head.badDate}" is not a calendar date; entry kept without a date`);
  if (bodyStart < 0) {
    if (!cut) warnings.add(line, 'the link block is not closed by </a>');
    bodyStart = linkEnd;
  }
  if (how === 'truncated') warnings.add(line, 'entry cut off by the end of the file; kept what was there');
  if (how === 'unclosed') warnings.add(line, 'entry not closed by </details> before the next <details>; kept');

  out.push({
    index: head.index,
    date: head.date,
    title: head.title,
    videoId,
    summary: summaryText(src, bodyStart, Math.max(bodyStart, end), head.title),
    line,
  });
}

/** findId's answer when the file ends inside an id. */
const CUT_OFF = 0;
const NOT_FOUND = 1;

const isLinkEnd = (c: number) => !isIdChar(c);
const isThumbEnd = (c: number) => c === 47 /* / */ || c === 34 /* " */ || c === 39 || c === 63; /* ? */

/**
 * The first id after `marker` in the link block (`watch?v=ID`, `img.youtube.com/vi/ID/`),
 * exactly 11 id characters followed by a character `after` accepts.
 */
function findId(
  block: string,
  marker: string,
  atFileEnd: boolean,
  after: (c: number) => boolean,
): string | typeof CUT_OFF | typeof NOT_FOUND {
  let cutOff = false;
  for (let i = block.indexOf(marker); i >= 0; i = block.indexOf(marker, i + 1)) {
    const a = i + marker.length;
    let b = a;
    while (b < block.length && b - a <= ID_LEN && isIdChar(block.charCodeAt(b))) b++;
    // The character after the id must be present: at the end of a cut file the id may be partial.
    if (b === block.length) {
      if (atFileEnd) cutOff = true;
      continue;
    }
    if (b - a === ID_LEN && after(block.charCodeAt(b))) return block.slice(a, b);
  }
  return cutOff ? CUT_OFF : NOT_FOUND;
}

function normalise(text: string): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s;
}

/** Line numbers of positions that never decrease between calls, so the count is one pass. */
class LineCounter {
  private line = 1;
  private nl: number;
  constructor(private readonly src: string) {
    this.nl = src.indexOf('\n');
  }
  at(pos: number): number {
    while (this.nl >= 0 && this.nl < pos) {
      this.line++;
      this.nl = this.src.indexOf('\n', this.nl + 1);
    }
    return this.line;
  }
}

/** Warns about `<summary>` lines between blocks (usually a damaged `<details>` line), in one pass overall. */
class OrphanFinder {
  private next: number;
  constructor(private readonly src: string) {
    this.next = src.indexOf('<summary>');
  }
  warnBetween(from: number, to: number, lines: LineCounter, warnings: Warnings): void {
    const src = this.src;
    while (this.next >= 0 && this.next < from) this.next = src.indexOf('<summary>', this.next + 1);
    while (this.next >= 0 && this.next < to) {
      if (lineStartIfBlankBefore(src, this.next) >= 0)
        warnings.add(lines.at(this.next), 'a <summary> line outside any <details> block; skipped');
      this.next = src.indexOf('<summary>', this.next + 1);
    }
  }
}
