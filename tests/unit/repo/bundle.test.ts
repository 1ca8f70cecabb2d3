// What the built page (out/renderer) must not carry. The renderer renders untrusted Markdown
// with raw HTML off (electron/shared/markdown.ts); a markdown-it built with `html: true` in its
// bundle would be one import away from rendering raw HTML. Export's parser lives in main.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ASSETS = resolve(import.meta.dirname, '../../../out/renderer/assets');
/** A markdown-it constructed with options that turn raw HTML on: `new X("preset", { html: true })`, minified or not. */
const HTML_ON = /new [\w$]+\(\s*(?:["'][\w-]+["']\s*,\s*)?\{[^{}]*\bhtml\s*:\s*(?:true|!0)\b/;

let js = '';

beforeAll(() => {
  if (!existsSync(ASSETS)) throw new Error('out/renderer is missing: run `npm run build` first (`npm test` builds before vitest).');
  js = readdirSync(ASSETS)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(ASSETS, f), 'utf8'))
    .join('\n');
});

describe('the renderer bundle', () => {
  it('holds the note renderer (so the checks below look at the real page)', () => {
    expect(js).toContain('timestamp_links');
  });

  it('builds no markdown-it with raw HTML on', () => {
    expect(js.match(HTML_ON)?.[0] ?? null).toBeNull();
  });

  it('the check finds such a parser, minified or not', () => {
    expect(HTML_ON.test(`const p = new MarkdownItCallable("commonmark", { html: true });`)).toBe(true);
    expect(HTML_ON.test(`const p=new a("commonmark",{html:!0})`)).toBe(true);
    expect(HTML_ON.test(`new Md({ linkify: true, html: true, breaks: false })`)).toBe(true);
    expect(HTML_ON.test(`new Md({ html: false })`)).toBe(false);
  });
});
