// Catalog pages are untrusted downloads: damaged, cut or hostile input must load what it can,
// report the rest, and never throw or hang. The time bounds are the test timeouts.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../electron/main/catalog/parse';
import type { ParseResult } from '../../electron/shared/types';
import { generateCatalog, mulberry32 } from '../../bench/generate';
import { nth } from '../unit/helpers/nth';
import { catalogPage, SEED } from '../unit/helpers/fixtures';

const PAGES = ['ytlee-06-index.md', 'ytlee-07-index-updated.md', 'ytlee-08-index.md'].map(catalogPage)
  .concat(SEED)
  .map((path) => readFileSync(path));
const ID_RE = /^[A-Za-z0-9_-]{11}$/;

const tally = { cases: 0, entries: 0, warnings: 0 };
afterAll(() => console.log(`parse fuzz: ${tally.cases} cases, ${tally.entries} entries loaded, ${tally.warnings} warnings`));

/** Parses and checks what must hold for any input: valid ids, sane fields, warnings on real lines. */
function load(text: string): ParseResult {
  const r = parseCatalog(text, 'fuzz.md');
  tally.cases++;
  tally.entries += r.entries.length;
  tally.warnings += r.warnings.length;
  for (const e of r.entries) {
    if (!ID_RE.test(e.videoId)) throw new Error(`bad id ${JSON.stringify(e.videoId)}`);
    if (!Number.isSafeInteger(e.index) || e.index < 1) throw new Error(`bad index ${e.index}`);
    if (!e.title || /[\n\r]/.test(e.title)) throw new Error(`bad title at line ${e.line}`);
    if (e.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new Error(`bad date ${e.date}`);
  }
  for (const w of r.warnings) if (!(w.line >= 1) || w.file !== 'fuzz.md') throw new Error(`bad warning ${JSON.stringify(w)}`);
  return r;
}

describe('damaged real pages', () => {
  const full = PAGES.map((b) => parseCatalog(b.toString('utf8')));

  it('200 random truncations keep every complete entry and warn about a cut one', () => {
    const rand = mulberry32(20240601);
    for (let i = 0; i < 200; i++) {
      const p = Math.floor(rand() * PAGES.length);
      const page = nth(PAGES, p);
      const text = page.subarray(0, Math.floor(rand() * page.length)).toString('utf8');
      const r = load(text);
      const byId = new Map(nth(full, p).entries.map((e) => [e.videoId, e]));
      const cutInside = text.lastIndexOf('<details>') > text.lastIndexOf('</details>');
      r.entries.forEach((e, k) => {
        const whole = byId.get(e.videoId)!;
        if (k < r.entries.length - 1 || !cutInside) expect(e).toEqual(whole);
        else expect([e.index, e.title, e.date]).toEqual([whole.index, whole.title, whole.date]);
      });
      expect(r.warnings.length > 0).toBe(cutInside);
      expect(r.entries.length + (cutInside ? 1 : 0)).toBeGreaterThanOrEqual(text.split('</details>').length - 1);
    }
  });

  it('200 cases of random byte flips lose no entry silently', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const p = Math.floor(rand() * PAGES.length);
      const bytes = Buffer.from(nth(PAGES, p));
      const flips = 1 + Math.floor(rand() * 4);
      for (let f = 0; f < flips; f++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      const r = load(bytes.toString('utf8'));
      const n = nth(full, p).entries.length;
      expect(r.entries.length).toBeLessThanOrEqual(n);
      // Each entry either loads or is named in a warning.
      expect(r.entries.length + r.warnings.length).toBeGreaterThanOrEqual(n);
    }
  });
});

describe('hostile input', () => {
  const entry = (head: string, body: string, id = 'abcdefghijk') =>
    `<details>\n<summary>${head}</summary><br>\n\n<a href="https://www.youtube.com/watch?v=${id}" target="_blank">\n` +
    `    <img src="https://img.youtube.com/vi/${id}/maxresdefault.jpg" \n        alt="[Youtube]" width="200">\n</a>\n\n${body}\n</details>\n`;

  it('a 5 MB summary and a 1 MB title', () => {
    const summary = Array.from({ length: 60_000 }, (_, i) => `第${i}行：類神經網路 ${'x'.repeat(80)}`).join('\n');
    const title = '【機器學習】' + '長'.repeat(1_000_000);
    const r = load(entry(`1. ${title}`, summary) + entry('2. small', 'ok', 'second_id_1'));
    expect(summary.length).toBeGreaterThan(5_000_000);
    expect(r.entries.map((e) => [e.title.length, e.summary.length])).toEqual([[title.length, summary.length], [5, 2]]);
    expect(r.warnings).toEqual([]);
  }, 20_000);

  it('10,000 levels of `>` and of list nesting are plain summary text', () => {
    const quote = Array.from({ length: 10_000 }, (_, i) => '>'.repeat(i + 1) + ' q').join('\n');
    const list = '- '.repeat(10_000) + 'item\n' + '  1. '.repeat(10_000) + 'deep';
    const r = load(entry('1. quotes', quote) + entry('2. lists', list, 'second_id_1'));
    expect(r.entries.map((e) => e.summary)).toEqual([quote, list]);
  }, 20_000);

  it('unterminated tags, repeated openers and a 1 MB line of `details>`', () => {
    const cases = [
      '<details>\n'.repeat(10_000),
      '<details>\n<summary>1. x\n'.repeat(10_000),
      '<details>\n<summary>1. x</summary><br>\n<a href="https://www.youtube.com/watch?v=\n'.repeat(10_000),
      '<summary>'.repeat(100_000),
      '<details>' + '</details>details>'.repeat(60_000),
      '<details>\n<summary>1. t</summary>\n<a href="' + 'watch?v='.repeat(100_000),
      entry('1. no close', '</a>'.repeat(100_000)).replace('</details>', ''),
      '&'.repeat(100_000) + '\n' + entry(`1. ${'&#x41;&amp'.repeat(50_000)}`, ''),
    ];
    const results = cases.map(load);
    expect(results[0]?.warnings).toHaveLength(10_000);
    expect(results[1]?.warnings.map((w) => w.line).slice(0, 3)).toEqual([1, 3, 5]);
    expect(results.slice(0, 6).every((r) => r.entries.length === 0)).toBe(true);
    expect(results[6]?.entries).toHaveLength(1);
    expect(results[7]?.entries[0]?.title.startsWith('A&ampA&amp')).toBe(true);
  }, 20_000);

  it('random bytes, tag soup and mangled entries', () => {
    const rand = mulberry32(99);
    const tokens = ['<details>', '</details>', '<summary>', '</summary>', '\n', '\n', '\r\n', ' ', '12. ', '0. ',
      '[2021-06-14] ', '[2021-02-30] ', 'watch?v=', 'vi/', 'abcdefghijk', '-2r4cqDP4BY', '/', '"', '</a>', '<a href="',
      '# ', '[Transcript](x)', '&amp;', '&#x1F600;', '標題', '---', '>', '\ufeff', '\u0000'];
    let withEntries = 0;
    for (let i = 0; i < 300; i++) {
      let s = '';
      if (i < 20) {
        s = Buffer.from(Array.from({ length: 50_000 }, () => Math.floor(rand() * 256))).toString('utf8');
      } else if (i < 150) {
        const n = 20 + Math.floor(rand() * 400);
        for (let k = 0; k < n; k++) s += tokens[Math.floor(rand() * tokens.length)];
      } else {
        // Well-formed entries split into parts, each part kept, dropped, doubled or swapped for a token.
        for (let k = 0; k < 10; k++) {
          for (const part of entry(`${k + 1}. [2021-06-14] 標題 &amp; ${k}`, `line\n---\n${k}`, `id-${k}_______`.slice(0, 11)).split(/(?=[<\n])/)) {
            const roll = rand();
            s += roll < 0.9 ? part : roll < 0.93 ? '' : roll < 0.96 ? part + part : tokens[Math.floor(rand() * tokens.length)];
          }
        }
      }
      if (load(s).entries.length > 0) withEntries++;
    }
    // The soup is rich enough to produce real entries sometimes, so the checks in load() bite.
    expect(withEntries).toBeGreaterThan(0);
  }, 30_000);
});

describe('scale', () => {
  it('a generated 100,000-entry catalog loads completely', () => {
    const r = load(generateCatalog(100_000, 3));
    expect(r.entries).toHaveLength(100_000);
    expect(r.warnings).toEqual([]);
    expect(r.entries[99_999]?.index).toBe(100_000);
    expect(new Set(r.entries.map((e) => e.videoId)).size).toBe(100_000);
  }, 120_000); // a hang guard: 12 s measured on a loaded 2-core machine
});
