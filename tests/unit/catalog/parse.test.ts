import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog, parseCatalogs } from '../../../electron/main/catalog/parse';
import { catalogPage, SEED } from '../helpers/fixtures';

const read = (name: string) => readFileSync(catalogPage(name), 'utf8');
const seed = () => readFileSync(SEED, 'utf8');
const ID_RE = /^[A-Za-z0-9_-]{11}$/;

interface Spec { head?: string; id?: string; link?: string; extra?: string[]; body?: string[]; close?: boolean }

/** One entry in the generator's exact layout; `head` is the text inside `<summary>`. */
function block(s: Spec): string[] {
  const id = s.id ?? 'CB0a3aBwND8';
  const link = s.link ?? `<a href="https://www.youtube.com/watch?v=${id}" target="_blank">`;
  return [
    '<details>',
    `<summary>${s.head ?? '1. Title'}</summary><br>`,
    '',
    link,
    `    <img src="https://img.youtube.com/vi/${id}/maxresdefault.jpg" `,
    '        alt="[Youtube]" width="200">',
    '</a>',
    '',
    ...(s.extra ?? []),
    ...(s.body ?? []),
    ...(s.close === false ? [] : ['</details>', '']),
  ];
}
const page = (...blocks: string[][]) => blocks.flat().join('\n');
const lines = (r: { warnings: { line: number }[] }) => r.warnings.map((w) => w.line);

describe('real pages', () => {
  it.each([
    ['ytlee-06-index.md', 50, 301, 350],
    ['ytlee-07-index-updated.md', 50, 351, 400],
    ['ytlee-08-index.md', 48, 401, 448],
  ])('%s parses completely', (name, count, first, last) => {
    const r = parseCatalog(read(name), name);
    expect(r.warnings).toEqual([]);
    expect(r.entries).toHaveLength(count);
    expect(r.entries[0]?.index).toBe(first);
    expect(r.entries.at(-1)!.index).toBe(last);
    expect(r.entries.every((e) => ID_RE.test(e.videoId) && e.title.length > 0)).toBe(true);
    expect(new Set(r.entries.map((e) => e.videoId)).size).toBe(count);
    // Every one of these pages repeats the title as a `# ` heading: none may leak into a summary.
    for (const e of r.entries) expect(e.summary.startsWith(`# ${e.title}`)).toBe(false);
  });

  it('the seed: 50 entries, 351–400, no warnings', () => {
    const r = parseCatalog(seed(), 'catalog.md');
    expect(r.warnings).toEqual([]);
    expect(r.entries.map((e) => e.index)).toEqual(Array.from({ length: 50 }, (_, i) => 351 + i));
  });

  it('seed 368 has its date, bracket title, id and a summary with headings', () => {
    const e = parseCatalog(seed()).entries.find((x) => x.index === 368)!;
    expect(e).toMatchObject({
      date: '2021-06-14',
      title: '[ML 2021 (English version)] Lecture 35: Network Compression (1/2)',
      videoId: 'CB0a3aBwND8',
      line: 188,
    });
    expect(e.summary.startsWith('### 小節整理：文章重點歸納\n\n#### 1. 核心主題\n')).toBe(true);
    expect(e.summary.endsWith('並探索更有效的剪枝策略。')).toBe(true);
  });

  it('seed 360 has no date and an empty summary; 359 has an id starting with "-"', () => {
    const entries = parseCatalog(seed()).entries;
    expect(entries.find((x) => x.index === 360)).toEqual({
      index: 360, date: null, title: '[ML 2021 (English version)] Lecture 33: Life-long Learning (1/2)',
      videoId: 'yAX8Ydfek_I', summary: '', line: 100,
    });
    expect(entries.find((x) => x.index === 359)!.videoId).toBe('-2r4cqDP4BY');
  });

  it('seed 370 keeps a first heading that does not repeat the title', () => {
    const e = parseCatalog(seed()).entries.find((x) => x.index === 370)!;
    expect(e.summary.startsWith('# 文章重點整理\n')).toBe(true);
  });

  it('updated page: the `# title` line is not part of the summary', () => {
    const e = parseCatalog(read('ytlee-07-index-updated.md')).entries.find((x) => x.index === 351)!;
    expect(e.date).toBe('2021-05-27');
    expect(e.summary.startsWith('### 小節整理：Domain Adaptation與其挑戰及解決方案')).toBe(true);
    expect(e.summary).not.toContain('# [ML 2021 (English version)] Lecture 27');
  });

  it('06 page: only the repeated title heading goes, the next `# ` heading stays', () => {
    const e = parseCatalog(read('ytlee-06-index.md')).entries[0];
    expect(e?.index).toBe(301);
    expect(e?.summary.startsWith('# 文章整理：分類任務中的損失函數選擇與優化\n')).toBe(true);
  });

  it('an entity in a real title decodes, and a bare & stays', () => {
    const e = parseCatalog(seed()).entries.find((x) => x.index === 377)!;
    expect(e.title).toContain('Data-Efficient & Parameter-Efficient Tuning');
  });

  it('merging the seed with its updated edition keeps one of each, dated, longer summaries', () => {
    const r = parseCatalogs([{ text: seed(), file: 'seed' }, { text: read('ytlee-07-index-updated.md'), file: 'upd' }]);
    expect(r.entries).toHaveLength(50);
    expect(r.warnings).toHaveLength(50);
    // A date from either edition survives the merge.
    const dates = new Map<string, string | null>();
    for (const e of [...parseCatalog(seed()).entries, ...parseCatalog(read('ytlee-07-index-updated.md')).entries]) {
      dates.set(e.videoId, dates.get(e.videoId) ?? e.date);
    }
    expect(r.entries.map((e) => e.date)).toEqual(r.entries.map((e) => dates.get(e.videoId)));
    const e352 = r.entries.find((x) => x.index === 352)!;
    expect(e352.date).toBe('2021-06-04');
    expect(e352.summary.length).toBeGreaterThan(0);
  });

  it('all pages merged: 148 unique entries sorted 301–448', () => {
    const r = parseCatalogs([
      { text: read('ytlee-08-index.md'), file: '08' }, { text: seed(), file: 'seed' },
      { text: read('ytlee-06-index.md'), file: '06' }, { text: read('ytlee-07-index-updated.md'), file: '07' },
    ]);
    expect(r.entries.map((e) => e.index)).toEqual(Array.from({ length: 148 }, (_, i) => 301 + i));
    expect(r.warnings.every((w) => w.file === 'seed' || w.file === '07')).toBe(true);
  });
});

describe('crafted variants', () => {
  it('a minimal entry, exactly', () => {
    const r = parseCatalog(page(block({ head: '7. [2021-06-14] Hello', body: ['Some **text**.'] })));
    expect(r).toEqual({
      entries: [{ index: 7, date: '2021-06-14', title: 'Hello', videoId: 'CB0a3aBwND8', summary: 'Some **text**.', line: 1 }],
      warnings: [],
    });
  });

  it('only `[YYYY-MM-DD] ` is a date; other brackets stay in the title', () => {
    const heads = ['[ML 2021 (English version)] A', '[DLHLP 2020] B', '[TA 補充課] C', '[2021-6-14] D', '[2021-06-14]E', '[線性代數] F', '[活動宣傳] G'];
    const r = parseCatalog(page(...heads.map((h, i) => block({ head: `${i + 1}. ${h}`, id: `id_${i}-------`.slice(0, 11) }))));
    expect(r.warnings).toEqual([]);
    expect(r.entries.map((e) => [e.date, e.title])).toEqual(heads.map((h) => [null, h]));
  });

  it('an impossible date leaves the title and warns; leap days are checked', () => {
    const r = parseCatalog(page(
      block({ head: '1. [2021-02-30] A', id: 'aaaaaaaaaaa' }),
      block({ head: '2. [2024-02-29] B', id: 'bbbbbbbbbbb' }),
      block({ head: '3. [2023-02-29] C', id: 'ccccccccccc' }),
      block({ head: '4. [2021-13-01] D', id: 'ddddddddddd' }),
    ));
    expect(r.entries.map((e) => [e.date, e.title])).toEqual([[null, 'A'], ['2024-02-29', 'B'], [null, 'C'], [null, 'D']]);
    expect(lines(r)).toEqual([1, 21, 31]);
    expect(r.warnings[0]?.message).toContain('2021-02-30');
  });

  it('ids: may begin with "-", fall back to the thumbnail, must be exactly 11 characters', () => {
    const r = parseCatalog(page(
      block({ head: '1. A', id: '-2r4cqDP4BY' }),
      block({ head: '2. B', id: 'thumbOnly_1', link: '<a href="https://example.org/" target="_blank">' }),
      block({ head: '3. C', id: 'thumbOnly_2', link: '<a href="https://www.youtube.com/watch?v=TOOLONGID123">' }),
      block({ head: '4. D', id: 'short', link: '<a href="https://www.youtube.com/watch?v=short">' }),
    ));
    expect(r.entries.map((e) => e.videoId)).toEqual(['-2r4cqDP4BY', 'thumbOnly_1', 'thumbOnly_2']);
    expect(lines(r)).toEqual([31]);
    expect(r.warnings[0]?.message).toContain('no valid video id');
  });

  it('a link and a thumbnail that disagree: the link wins, with a warning', () => {
    const b = block({ head: '1. A', id: 'thumbnailId' });
    b[3] = '<a href="https://www.youtube.com/watch?v=linkIdxxxxx" target="_blank">';
    const r = parseCatalog(page(b));
    expect(r.entries[0]?.videoId).toBe('linkIdxxxxx');
    expect(r.warnings).toMatchObject([{ line: 1, message: expect.stringContaining('disagree') }]);
  });

  it('Transcript, all-docs and repeated-title lines are not summary, in any order', () => {
    const title = '【機器學習2021】自注意力機制 (Self-attention) (上)';
    const r = parseCatalog(page(
      block({ head: `1. ${title}`, id: 'aaaaaaaaaaa', extra: ['[Transcript](../transcript/aaaaaaaaaaa.md)', '', `# ${title}`, ''], body: ['Body 1'] }),
      block({ head: `2. ${title}`, id: 'bbbbbbbbbbb', extra: [`# ${title}`, '[all docs](https://github.com/x/y)', '[Transcript](../transcript/bbbbbbbbbbb.md)', ''], body: ['Body 2'] }),
      block({ head: `3. ${title}`, id: 'ccccccccccc', extra: ['[Transcript](../t/c.md) | [all docs](https://github.com/x)', '# 自注意力機制 (Self-attention) (上)'], body: ['Body 3'] }),
      block({ head: '4. Some title', id: 'ddddddddddd', extra: ['# Some title', '# Some title'], body: ['Body 4'] }),
      block({ head: '5. Some title', id: 'eeeeeeeeeee', body: ['# A different heading', 'Body 5'] }),
    ));
    expect(r.warnings).toEqual([]);
    expect(r.entries.map((e) => e.summary)).toEqual(['Body 1', 'Body 2', 'Body 3', '# Some title\nBody 4', '# A different heading\nBody 5']);
  });

  it('`---` inside and as the last line of a summary is kept', () => {
    const r = parseCatalog(page(block({ body: ['', 'Intro', '---', 'More', '---', '', ''] })));
    expect(r.entries[0]?.summary).toBe('Intro\n---\nMore\n---');
  });

  it('summaries are trimmed of blank edge lines but keep inner indentation; empty is ""', () => {
    const r = parseCatalog(page(
      block({ id: 'aaaaaaaaaaa', body: ['', '   ', '    code block', '', 'text  ', '', ''] }),
      block({ id: 'bbbbbbbbbbb', body: ['', '  ', ''] }),
    ));
    expect(r.entries.map((e) => e.summary)).toEqual(['    code block\n\ntext', '']);
  });

  it('a BOM and CRLF line endings give the same result as plain LF', () => {
    const lf = page(block({ head: '3. [2022-01-02] T', body: ['a', '', 'b'] }), block({ head: '4. U', id: 'bbbbbbbbbbb' }));
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
    expect(parseCatalog(crlf)).toEqual(parseCatalog(lf));
    expect(parseCatalog(crlf).entries[0]?.summary).toBe('a\n\nb');
  });

  it('HTML entities in titles decode once', () => {
    const r = parseCatalog(page(block({ head: '1. A &amp; B &lt;i&gt; &quot;q&quot; &#39;s&#39; &#x4E2D;&#25991; &hellip; &amp;lt; &bogus; &#0;' })));
    expect(r.entries[0]?.title).toBe('A & B <i> "q" \'s\' 中文 … &lt; &bogus; \ufffd');
  });

  it('knows all of HTML\'s entity names, only with their semicolon; soft hyphens drop out', () => {
    const r = parseCatalog(page(block({ head: '1. Caf&eacute; &Omega; &rarr; &amp x&nbsp;y Trans&shy;former' })));
    expect(r.entries[0]?.title).toBe('Café Ω → &amp x y Transformer');
  });

  it('ascending and descending pages keep page order; parseCatalogs sorts ascending', () => {
    const desc = page(block({ head: '3. C', id: 'ccccccccccc' }), block({ head: '2. B', id: 'bbbbbbbbbbb' }), block({ head: '1. A', id: 'aaaaaaaaaaa' }));
    expect(parseCatalog(desc).entries.map((e) => e.index)).toEqual([3, 2, 1]);
    expect(parseCatalogs([{ text: desc, file: 'd' }]).entries.map((e) => e.index)).toEqual([1, 2, 3]);
  });

  it('malformed entries are skipped with the line of their <details>; the rest load', () => {
    const noIndex = block({ head: 'Title without index', id: 'bbbbbbbbbbb' });
    const noSummary = block({ id: 'ccccccccccc' }).filter((l) => !l.startsWith('<summary>'));
    const noClose = block({ head: '4. x', id: 'ddddddddddd' });
    noClose[1] = '<summary>4. title without end';
    const r = parseCatalog(page(
      block({ head: '1. ok', id: 'aaaaaaaaaaa' }), noIndex, noSummary, noClose,
      block({ head: '5. no id', id: 'xx' }), block({ head: '6. ok', id: 'fffffffffff' }),
    ));
    expect(r.entries.map((e) => e.index)).toEqual([1, 6]);
    expect(lines(r)).toEqual([11, 21, 30, 40]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('no index'), expect.stringContaining('no <summary> line'),
      expect.stringContaining('no </summary>'), expect.stringContaining('no valid video id'),
    ]);
    expect(r.warnings.every((w) => w.file === '<catalog>')).toBe(true);
  });

  it('an empty title or a zero index is malformed', () => {
    const r = parseCatalog(page(block({ head: '1.   ', id: 'aaaaaaaaaaa' }), block({ head: '0. zero', id: 'bbbbbbbbbbb' })), 'p.md');
    expect(r.entries).toEqual([]);
    expect(r.warnings).toMatchObject([{ file: 'p.md', line: 1 }, { file: 'p.md', line: 11 }]);
  });

  it('a block not closed before the next <details> is kept, with a warning', () => {
    const r = parseCatalog(page(block({ head: '1. A', id: 'aaaaaaaaaaa', body: ['text'], close: false }), block({ head: '2. B', id: 'bbbbbbbbbbb' })));
    expect(r.entries.map((e) => [e.index, e.summary])).toEqual([[1, 'text'], [2, '']]);
    expect(r.warnings).toMatchObject([{ line: 1, message: expect.stringContaining('not closed') }]);
  });

  it('a <summary> line outside any block is reported', () => {
    const damaged = block({ head: '2. B', id: 'bbbbbbbbbbb' });
    damaged[0] = '<detai!s>';
    const r = parseCatalog(page(block({ head: '1. A', id: 'aaaaaaaaaaa' }), damaged));
    expect(r.entries.map((e) => e.index)).toEqual([1]);
    expect(r.warnings).toMatchObject([{ line: 12, message: expect.stringContaining('outside') }]);
  });

  describe('a file cut off mid-entry', () => {
    const full = page(block({ head: '1. A', id: 'aaaaaaaaaaa', body: ['x'] }), block({ head: '2. [2021-01-01] Bee', id: 'bbbbbbbbbbb', body: ['first line', 'second line'] }));
    const cutAt = (s: string) => full.slice(0, full.lastIndexOf(s) + s.length);

    it('inside the summary: kept with what was there, and a warning', () => {
      const r = parseCatalog(cutAt('first line\nsec'));
      expect(r.entries.map((e) => [e.index, e.summary])).toEqual([[1, 'x'], [2, 'first line\nsec']]);
      expect(r.warnings).toMatchObject([{ line: 12, message: expect.stringContaining('cut off') }]);
    });

    it('after the link: kept with an empty summary', () => {
      const r = parseCatalog(cutAt('</a>\n'));
      expect(r.entries.at(-1)).toMatchObject({ index: 2, videoId: 'bbbbbbbbbbb', summary: '' });
      expect(lines(r)).toEqual([12]);
    });

    it.each([['inside the title', '2. [2021-01-01] Be'], ['inside the id', 'watch?v=bbbbb'], ['right after the id', 'watch?v=bbbbbbbbbbb'], ['at <details>', '\n\n<details>']])(
      '%s: skipped with a warning', (_name, at) => {
        const r = parseCatalog(cutAt(at));
        expect(r.entries.map((e) => e.index)).toEqual([1]);
        expect(lines(r)).toEqual([12]);
        expect(r.warnings[0]?.message).toMatch(/cut off/);
      });
  });

  describe('duplicate video ids', () => {
    it('in one page: the longer summary wins and takes the first place', () => {
      const r = parseCatalog(page(block({ head: '1. A', body: ['short'] }), block({ head: '2. B', id: 'bbbbbbbbbbb' }), block({ head: '3. [2021-01-01] A2', body: ['much longer'] })));
      expect(r.entries.map((e) => [e.index, e.summary])).toEqual([[3, 'much longer'], [2, '']]);
      expect(r.warnings).toMatchObject([{ line: 1, message: expect.stringMatching(/CB0a3aBwND8.*kept the entry at line 22 \(longer summary\)/) }]);
    });

    it('in one page: equal summaries keep the first, taking a missing date from the other', () => {
      const r = parseCatalog(page(block({ head: '1. A', body: ['s'] }), block({ head: '2. [2021-01-01] A2', body: ['s'] })));
      expect(r.entries).toMatchObject([{ index: 1, title: 'A', date: '2021-01-01' }]);
      expect(r.warnings).toMatchObject([{ line: 12, message: expect.stringContaining('kept the entry at line 1 (first seen)') }]);
    });

    it('across pages: the dated one wins when summaries are equal, else the longer summary', () => {
      const a = page(block({ head: '5. A', id: 'aaaaaaaaaaa' }), block({ head: '6. [2020-01-01] B', id: 'bbbbbbbbbbb', body: ['long summary'] }));
      const b = page(block({ head: '5. [2021-01-01] A', id: 'aaaaaaaaaaa' }), block({ head: '6. B', id: 'bbbbbbbbbbb', body: ['short'] }));
      const r = parseCatalogs([{ text: a, file: 'a.md' }, { text: b, file: 'b.md' }]);
      expect(r.entries).toMatchObject([{ index: 5, date: '2021-01-01' }, { index: 6, date: '2020-01-01', summary: 'long summary' }]);
      expect(r.warnings).toMatchObject([
        { file: 'a.md', line: 1, message: expect.stringContaining('kept that one (has a date)') },
        { file: 'b.md', line: 11, message: expect.stringContaining('kept that one (longer summary)') },
      ]);
    });
  });
});

describe('a file that is not a catalog', () => {
  it.each([
    ['a README', '# Lecture Companion\n\nA desktop study companion.\n'],
    ['an empty file', ''],
    ['an HTML error page', '<html><body><h1>404 Not Found</h1></body></html>'],
  ])('%s loads as empty with a warning saying so', (_, text) => {
    const r = parseCatalog(text, 'wrong.md');
    expect(r.entries).toEqual([]);
    expect(r.warnings).toEqual([{ file: 'wrong.md', line: 1, message: expect.stringContaining('no catalog entries found') }]);
  });
});
