// Renders untrusted Markdown (AI-written catalog summaries, the student's own notes) to HTML
// that is safe to insert with {@html}. Defence in depth, each layer enough on its own for the
// vectors in tests/fixtures/hostile/ (SECURITY.md, "What it does not trust"):
//  - html: false, so raw HTML in the source is escaped text, never markup;
//  - validateLink is an allowlist (https:, http:, mailto:), not markdown-it's blocklist, which
//    lets ms-msdt:, smb:, vscode: and relative links through and allows data:image;
//  - links whose destination failed validation are unwrapped to plain text (markdown-it would
//    otherwise emit <a href="">);
//  - images load only from the YouTube thumbnail hosts, so no request leaves for a foreign host;
//    any other image shows its alt text.
// The page's CSP still forbids inline script as a last line.
import MarkdownIt from 'markdown-it';
import type { Env as MdEnv, MarkdownIt as Md, MarkdownItOptions, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { VIDEO_ID } from './wire';
import { isThumbnailUrl, youtubeWatchUrl } from './links';
import { findTimestamps } from './timestamps';

export interface RenderOptions {
  /** When set, times like 12:34 in text become links that seek this video. */
  videoId?: string;
  /** A single newline is a line break (the student's notes); summaries keep CommonMark's joining. */
  breaks?: boolean;
}

interface Env extends MdEnv {
  videoId?: string;
}

const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** The link allowlist. markdown-it hands over the normalised (percent-encoded) URL. */
export function isSafeLinkTarget(url: string): boolean {
  // normalizeLink percent-encodes spaces and controls; any left means something odd got through.
  // eslint-disable-next-line no-control-regex
  if (typeof url !== 'string' || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return false;
  if (!/^(?:https?:\/\/|mailto:)/i.test(url)) return false;
  try {
    const u = new URL(url);
    if (!ALLOWED_PROTOCOLS.has(u.protocol)) return false;
    return u.protocol === 'mailto:' || u.hostname !== '';
  } catch {
    return false;
  }
}

/** `$…$` and `$$…$$` stay exactly as written (no emphasis or escapes inside a formula). */
const formulaAsText = (state: StateInline, silent: boolean): boolean => {
  const { src, posMax } = state;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const delim: string = src.charCodeAt(start + 1) === 0x24 ? '$$' : '$';
  const from = start + delim.length;
  // "$5 and $10" is money, not a formula: the opening $ must touch its content.
  if (delim === '$' && (from >= posMax || /\s/.test(src[from] ?? ''))) return false;
  let end = src.indexOf(delim, from);
  while (end !== -1 && end < posMax) {
    const escaped = src[end - 1] === '\\';
    const badClose = delim === '$' && (/\s/.test(src[end - 1] ?? '') || /\d/.test(src[end + 1] ?? ''));
    if (!escaped && !badClose) break;
    end = src.indexOf(delim, end + 1);
  }
  if (end === -1 || end === from || end + delim.length > posMax) return false;
  if (!silent) state.push('text', '', 0).content = src.slice(start, end + delim.length);
  state.pos = end + delim.length;
  return true;
};

/** Drops link_open/link_close pairs whose href failed validation, keeping the link text. */
const unwrapRejectedLinks = (state: StateCore): void => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    const dropped: boolean[] = [];
    for (const t of block.children) {
      if (t.type === 'link_open') {
        const bad = !isSafeLinkTarget(String(t.attrGet('href') ?? ''));
        dropped.push(bad);
        if (bad) continue;
      } else if (t.type === 'link_close') {
        if (dropped.pop()) continue;
      }
      out.push(t);
    }
    block.children = out;
  }
};

/** Splits text tokens outside links into text + timestamp links for env.videoId. */
const linkTimestamps = (state: StateCore): void => {
  const videoId = (state.env as Env | undefined)?.videoId;
  if (!videoId || !VIDEO_ID.test(videoId)) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let linkDepth = 0;
    for (const t of block.children) {
      if (t.type === 'link_open') linkDepth++;
      if (t.type === 'link_close') linkDepth--;
      const found = t.type === 'text' && linkDepth === 0 ? findTimestamps(t.content) : [];
      if (found.length === 0) {
        out.push(t);
        continue;
      }
      let pos = 0;
      const text = (content: string): void => {
        if (!content) return;
        const tok = new state.Token('text', '', 0);
        tok.content = content;
        out.push(tok);
      };
      for (const ts of found) {
        text(t.content.slice(pos, ts.start));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [
          ['href', youtubeWatchUrl(videoId, ts.seconds)],
          ['data-video-id', videoId],
          ['data-seconds', String(ts.seconds)],
          ['class', 'timestamp'],
        ];
        open.meta = { timestamp: true };
        out.push(open);
        text(ts.label);
        out.push(new state.Token('link_close', 'a', -1));
        pos = ts.end;
      }
      text(t.content.slice(pos));
    }
    block.children = out;
  }
};

/**
 * Table alignment as a class: markdown-it writes `style="text-align:…"`, which the page's
 * Content-Security-Policy (no inline styles) would refuse.
 */
const alignmentClasses = (state: StateCore): void => {
  for (const t of state.tokens) {
    if (t.type !== 'th_open' && t.type !== 'td_open') continue;
    const m = /^text-align:(left|right|center)$/.exec(String(t.attrGet('style') ?? ''));
    if (!t.attrs) continue;
    t.attrs = t.attrs.filter(([name]) => name !== 'style');
    if (m) t.attrJoin('class', `align-${m[1]}`);
  }
};

const safeRendering = (md: Md): void => {
  md.validateLink = isSafeLinkTarget;
  md.inline.ruler.before('escape', 'formula_text', formulaAsText);
  md.core.ruler.push('unwrap_rejected_links', unwrapRejectedLinks);
  md.core.ruler.push('timestamp_links', linkTimestamps);
  md.core.ruler.push('alignment_classes', alignmentClasses);

  const renderToken: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    if (!t.meta?.timestamp) {
      // The renderer intercepts clicks on [data-external] and routes them through the link filter.
      t.attrSet('rel', 'noopener noreferrer');
      t.attrSet('data-external', '');
    }
    return renderToken(tokens, idx, options, env, self);
  };
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const src = String(t.attrGet('src') ?? '');
    const alt = self.renderInlineAsText(t.children ?? [], options, env);
    if (!isThumbnailUrl(src)) return `<span class="image-alt">${md.utils.escapeHtml(alt)}</span>`;
    const title = String(t.attrGet('title') ?? '');
    return (
      `<img src="${md.utils.escapeHtml(src)}" alt="${md.utils.escapeHtml(alt)}"` +
      (title ? ` title="${md.utils.escapeHtml(title)}"` : '') +
      ` loading="lazy" referrerpolicy="no-referrer">`
    );
  };
};

const options: MarkdownItOptions = {
  html: false,
  // Off: a bare URL stays text. Only YouTube links can open anyway, and linkify's fuzzy
  // matching would turn "model.py" into a link.
  linkify: false,
  typographer: false,
  breaks: false,
  // markdown-it's default; bounds recursion so "> > > …" or "[[[[…" cannot blow the stack.
  maxNesting: 100,
};

const md = new MarkdownIt('default', options).use(safeRendering);
md.enable('table');
// A separate instance, not md.set(): options are global to an instance, and summaries stay as they were.
const mdBreaks = new MarkdownIt('default', { ...options, breaks: true }).use(safeRendering);
mdBreaks.enable('table');

export function renderMarkdown(src: string, opts: RenderOptions = {}): string {
  if (typeof src !== 'string' || src === '') return '';
  const env: Env = { videoId: opts.videoId };
  return (opts.breaks ? mdBreaks : md).render(src, env);
}
