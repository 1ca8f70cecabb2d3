// Timestamps in a note as YouTube links, for Markdown export. Main-process only: it builds a
// markdown-it with `html: true` (to see HTML blocks), which must not ship in the renderer,
// where raw HTML is never parsed (tests/unit/repo/bundle.test.ts checks the built page).
import MarkdownIt from 'markdown-it';
import { youtubeWatchUrl } from '../shared/links';
import { findTimestamps } from '../shared/timestamps';

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
