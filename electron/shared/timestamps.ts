// Video timestamps written in note text ("12:34", "1:02:03", "[12:34]", "(1:02:03)").
// Rules, chosen so that dates, clock-like ids and ratios are not mistaken for times:
//  - m:ss or mm:ss (minutes 0–99), or h:mm:ss / hh:mm:ss (minutes 00–59);
//  - seconds are always two digits 00–59, so ratios like 3:2 or 16:9 never match;
//  - no letter, digit, '_', '.' or ':' directly before, and no digit or ":digit"/".digit"
//    directly after, so 2021:12:34:56, 10.12:34, 12:34.5 and v1:23 are left alone.
import MarkdownIt from 'markdown-it';
import { youtubeWatchUrl } from './links';

export interface TimestampMatch {
  /** Offset of the first character of the time (brackets around it are not included). */
  start: number;
  /** Offset just past the time. */
  end: number;
  seconds: number;
  /** The time as written, e.g. "1:02:03". */
  label: string;
}

const TIME = String.raw`(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,2}):([0-5]\d))`;
const BEFORE = String.raw`(?<![\w.:])`;
const AFTER = String.raw`(?!\d|[:.]\d)`;
const TIMESTAMP_RE = new RegExp(BEFORE + TIME + AFTER, 'g');
const EXACT_RE = new RegExp('^' + TIME + '$');

function toSeconds(m: RegExpExecArray | RegExpMatchArray): number {
  if (m[1] !== undefined) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return Number(m[4]) * 60 + Number(m[5]);
}

export function findTimestamps(text: string): TimestampMatch[] {
  const out: TimestampMatch[] = [];
  for (const m of text.matchAll(TIMESTAMP_RE)) {
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, seconds: toSeconds(m), label: m[0] });
  }
  return out;
}

/** Seconds for a whole string like "12:34" or "[1:02:03]", or null. */
export function parseTimestamp(s: string): number | null {
  if (typeof s !== 'string') return null;
  let t = s.trim();
  if ((t.startsWith('[') && t.endsWith(']')) || (t.startsWith('(') && t.endsWith(')'))) t = t.slice(1, -1).trim();
  const m = EXACT_RE.exec(t);
  return m ? toSeconds(m) : null;
}

/** 'm:ss' under an hour ('12:34', '0:05'), 'h:mm:ss' from an hour on. */
export function formatTimestamp(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`not a number of seconds: ${seconds}`);
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

// Only the block structure is needed (which lines are code or raw HTML), so html is on to
// recognise HTML blocks; nothing here is rendered.
const blockParser = new MarkdownIt('commonmark', { html: true });

/** [start, end) character ranges of lines inside fenced/indented code and HTML blocks. */
function codeBlockRanges(markdown: string): [number, number][] {
  const lineStarts = [0];
  for (let i = 0; i < markdown.length; i++) if (markdown[i] === '\n') lineStarts.push(i + 1);
  const ranges: [number, number][] = [];
  for (const tok of blockParser.parse(markdown, {})) {
    if ((tok.type === 'fence' || tok.type === 'code_block' || tok.type === 'html_block') && tok.map) {
      const [a, b] = tok.map;
      ranges.push([lineStarts[a] ?? markdown.length, lineStarts[b] ?? markdown.length]);
    }
  }
  return ranges;
}

// Inline constructs whose text must not be rewritten: code spans (matching backtick runs),
// inline links/images, reference definitions, autolinks, raw tags and bare URLs.
const INLINE_PROTECTED = new RegExp(
  [
    String.raw`(?<!\`)(\`+)(?!\`)[\s\S]*?(?<!\`)\1(?!\`)`,
    String.raw`!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\((?:[^()\n]|\([^()\n]*\))*\)`,
    String.raw`^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*`,
    String.raw`<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>`,
    String.raw`<\/?[A-Za-z][^<>\n]*>`,
    String.raw`\b(?:https?:\/\/|www\.)[^\s<>]+`,
  ].join('|'),
  'gm',
);

/** Sorted, merged copy of the ranges, so a sweep can test each match in order. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Markdown for export: each timestamp becomes `[12:34](https://www.youtube.com/watch?v=ID&t=754s)`.
 * A bracketed `[12:34]` is replaced whole; code, existing links and URLs are left as written.
 */
export function linkTimestampsForExport(markdown: string, videoId: string): string {
  youtubeWatchUrl(videoId); // throws on a bad id before any work
  const found = findTimestamps(markdown);
  if (found.length === 0) return markdown;
  const blocks = codeBlockRanges(markdown).sort((a, b) => a[0] - b[0]);
  const protectedRanges = [...blocks];
  // Scan the text between code blocks only, so a fence's backticks cannot pair with a later one.
  let gapStart = 0;
  for (const [bs, be] of [...blocks, [markdown.length, markdown.length] as [number, number]]) {
    const gap = markdown.slice(gapStart, Math.max(gapStart, bs));
    for (const m of gap.matchAll(INLINE_PROTECTED)) {
      const s = gapStart + (m.index ?? 0);
      protectedRanges.push([s, s + m[0].length]);
    }
    gapStart = Math.max(gapStart, be);
  }
  // One sweep over matches and merged ranges (both in order): a long note with thousands of
  // times and code spans stays linear.
  const merged = mergeRanges(protectedRanges);
  let r = 0;
  let out = '';
  let pos = 0;
  for (const t of found) {
    while (r < merged.length && merged[r]![1] <= t.start) r++;
    if (r < merged.length && merged[r]![0] < t.end) continue;
    let start = t.start;
    let end = t.end;
    const next = markdown[end + 1];
    // "[12:34]" alone is just text; as "[12:34](…)" or "[12:34][ref]" it is already a link.
    if (markdown[start - 1] === '[' && markdown[end] === ']') {
      if (next === '(' || next === '[') continue;
      start -= 1;
      end += 1;
    }
    if (start < pos) continue;
    out += markdown.slice(pos, start) + `[${t.label}](${youtubeWatchUrl(videoId, t.seconds)})`;
    pos = end;
  }
  return out + markdown.slice(pos);
}
