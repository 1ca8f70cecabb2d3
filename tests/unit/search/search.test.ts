import { beforeAll, describe, expect, it } from 'vitest';
import { LectureSearch, type SearchDoc, type SearchResult } from '../../../electron/main/search/index';
import { fold } from '../../../electron/main/search/normalize';
import { fixtureDocs } from './search-fixtures';
import { nth } from '../helpers/nth';

let docs: SearchDoc[];
let search: LectureSearch;
const ids = (rs: SearchResult[]) => rs.map((r) => r.videoId);
const all = (q: string) => search.search(q, { limit: 1000 });
const marked = (r: SearchResult) => r.highlights.map(([s, e]) => r.snippet.slice(s, e));

beforeAll(async () => {
  docs = fixtureDocs();
  search = new LectureSearch();
  await search.buildAsync(docs);
});

// Expected ids were read off the pages (grep for the phrase in titles and summaries).
const SELF_ATTENTION_TITLES = ['hYdO9CscNes', 'gmsMY5kc-zw', 'yHoAq1IT_og']; // 【機器學習…】自注意力機制 …
const HAS_ZHUYILI = ['hYdO9CscNes', '0djMUi2-uV4', 'gmsMY5kc-zw', 'zeCDPYZli0k', 'zmOuJkH9l9M', 'L-ZQ-6vKOxU', '6xRAiKAYPxU', 'yHoAq1IT_og', 'F58vJcGgjt0', 'uhNsUCb2fJI'];
const HAS_RL_PHRASE = ['N6aRv06iv2g', 'fPTj5Zh1ACo', 'US8DFaAZcp4', '0oucZNfBXlI', 'jbN0oYLtXps', 'kk6DqWreLeU', '75rZwxKBAf0', 'pibO_5JhQ4U', 'Cf-WkM-Xef0', '9H3ShV57lHs', 'lwe3_x50_uw'];
const GAN_AND_TRAINING = ['4OWp0wDu6Xw', 'jNY1WBb8l4U', 'Mb9kddLfLRI', 'kFhv1I_fbZI', 'MP0BnVH2yOo', 'wulqhgnDr7E', '6xRAiKAYPxU', 'XcAmPtMQqS8', 'PsBHWq9KKqk', 'Mnk_oUrgppM', '8AKqH6V9kjE', 'Y9Jay_vxOsM', 'OYN_GvAqv-A'];

describe('LectureSearch on the fixture pages', () => {
  it('indexes every entry', () => {
    expect(docs.length).toBe(148);
    expect(search.ready).toBe(true);
  });

  it('注意力 finds 自注意力機制 (a word the bigrams split) and ranks title hits first', () => {
    const rs = all('注意力');
    expect(ids(rs)).toEqual(expect.arrayContaining(HAS_ZHUYILI));
    expect(ids(rs.slice(0, 3)).sort()).toEqual([...SELF_ATTENTION_TITLES].sort());
    expect(rs[0]?.fields[0]).toBe('title');
    expect(rs[0]?.snippetField).toBe('title');
  });

  it('強化學習 finds the reinforcement-learning lectures whose summaries say it', () => {
    const rs = all('強化學習');
    expect(ids(rs)).toEqual(expect.arrayContaining(HAS_RL_PHRASE));
    // A summary hit says where it matched and shows the phrase.
    const hit = rs.find((r) => r.videoId === 'lwe3_x50_uw')!;
    expect(hit.fields).toEqual(['summary']);
    expect(hit.snippetField).toBe('summary');
    expect(marked(hit)).toContain('強化學習');
  });

  it('GAN 訓練 needs both words (AND)', () => {
    const rs = all('GAN 訓練');
    expect(ids(rs)).toEqual(expect.arrayContaining(GAN_AND_TRAINING));
    for (const r of rs) {
      const d = docs.find((x) => x.videoId === r.videoId)!;
      const text = fold(d.title + ' ' + d.summary);
      expect(text).toMatch(/(^|[^a-z0-9])gans?([^a-z0-9]|$)/);
      expect(text).toContain('训练');
    }
  });

  it('falls back to OR when no page has every word', () => {
    const rs = all('xyzzyq 注意力');
    expect(ids(rs)).toEqual(expect.arrayContaining(HAS_ZHUYILI));
    expect(all('xyzzyq')).toEqual([]);
  });

  it('Simplified queries find Traditional text and highlight the Traditional characters', () => {
    expect(ids(all('注意力机制'))).toEqual(expect.arrayContaining(['hYdO9CscNes', 'gmsMY5kc-zw', 'zeCDPYZli0k', 'zmOuJkH9l9M', 'yHoAq1IT_og']));
    const rs = all('学习');
    expect(rs.length).toBe(105); // pages containing 學習 (grep)
    const top = nth(rs, 0);
    expect(top?.snippetField).toBe('title');
    expect(marked(top).every((m) => m === '學習')).toBe(true);
    expect(all('強化学习').map((r) => r.videoId)).toEqual(ids(all('強化學習')));
  });

  it('English is case-insensitive and completes the last word while typing', () => {
    expect(ids(all('TRANSFORMER')).sort()).toEqual(ids(all('transformer')).sort());
    const typing = all('self-att');
    expect(ids(typing)).toEqual(expect.arrayContaining(['hYdO9CscNes', '0djMUi2-uV4', 'gmsMY5kc-zw', 'zeCDPYZli0k', 'yHoAq1IT_og']));
    expect(marked(nth(typing, 0)).map((m) => m.toLowerCase())).toEqual(['self', 'att']);
    expect(ids(all('Atten'))).toEqual(expect.arrayContaining(['0djMUi2-uV4', 'zeCDPYZli0k']));
    // A finished word (trailing space) is not completed.
    expect(all('Atten ')).toEqual([]);
  });

  it('a single character finds every page with it; a short page of hits comes from titles', () => {
    // Simplified, one character: 壓 starts bigrams (壓縮); 講 often ends a run (第3講：).
    for (const [simplified, traditional] of [['压', '壓'], ['讲', '講']] as const) {
      const withChar = docs.filter((d) => (d.title + d.summary).includes(traditional)).map((d) => d.videoId);
      expect(withChar.length).toBeGreaterThan(3);
      expect(ids(all(simplified)).sort()).toEqual(withChar.sort());
    }
    const page = search.search('學', { limit: 5 });
    expect(page).toHaveLength(5);
    for (const r of page) {
      expect(r.fields[0]).toBe('title');
      expect(marked(r)[0]).toBe('學');
    }
  });

  it('folds plurals: GAN finds GANs and the reverse', () => {
    const d = 'Mnk_oUrgppM'; // its summary says 對抗網絡（GANs）, its title has no GAN
    expect(ids(all('GAN'))).toContain(d);
    expect(ids(all('GANs '))).toContain(d);
    const hit = all('GAN').find((r) => r.videoId === d)!;
    expect(marked(hit)).toContain('GAN');
  });

  it('mixed Chinese and English in one query', () => {
    const rs = all('BERT 自督導');
    expect(ids(rs)).toEqual(expect.arrayContaining(['gh0hewYkjgo', 'ExXA05i8DEQ'].filter((id) => docs.some((d) => d.videoId === id))));
    expect(rs.length).toBeGreaterThan(0);
    expect(ids(all('第0講'))[0]).toBe('AVIKFXLCPY8');
  });

  it('highlights sit at the right offsets in the snippet', () => {
    for (const q of ['注意力', 'GAN 訓練', '強化學習', 'transformer']) {
      for (const r of all(q).slice(0, 20)) {
        expect(r.snippet.length).toBeLessThanOrEqual(122);
        expect(r.highlights.length).toBeGreaterThan(0);
        let prev = -1;
        for (const [s, e] of r.highlights) {
          expect(s).toBeGreaterThan(prev);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(r.snippet.length);
          prev = e;
        }
        const words = fold(q).split(' ');
        for (const m of marked(r)) expect(words.some((w) => fold(m).includes(w) || w.includes(fold(m)))).toBe(true);
      }
    }
  });

  it('snippets are plain text', () => {
    for (const r of all('損失函數')) {
      expect(r.snippet).not.toMatch(/\*\*|^#|`|<\/?[a-z]/);
    }
  });

  it('returns nothing for empty or punctuation-only queries and survives a 500-character paste', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('！？。，…---***')).toEqual([]);
    const long = ('自注意力機制 Self-attention GAN 訓練 ').repeat(20).slice(0, 500);
    expect(() => search.search(long)).not.toThrow();
  });

  it('limit and filter', () => {
    expect(all('學習').length).toBeGreaterThan(10);
    expect(search.search('學習', { limit: 10 })).toHaveLength(10);
    const only = new Set(['hYdO9CscNes', 'zeCDPYZli0k']);
    const rs = search.search('注意力', { filter: (id) => only.has(id) });
    expect(ids(rs).sort()).toEqual([...only].sort());
  });
});

describe('incremental updates', () => {
  it('finds a note, follows an edit and a removal, without a rebuild', async () => {
    const s = new LectureSearch();
    const local = fixtureDocs();
    await s.buildAsync(local);
    const base = local.find((d) => d.videoId === 'O2VkP8dJ5FE')!;
    expect(s.search('蟹黃湯包')).toEqual([]);

    s.upsert({ ...base, note: '老師用蟹黃湯包比喻損失函數' });
    const hit = s.search('蟹黃湯包');
    expect(ids(hit)).toEqual(['O2VkP8dJ5FE']);
    expect(hit[0]?.fields).toEqual(['note']);
    expect(hit[0]?.snippetField).toBe('note');
    expect(marked(nth(hit, 0))).toEqual(['蟹黃湯包']);
    // A Simplified note is found by a Traditional query too.
    s.upsert({ ...base, note: '复习：梯度下降' });
    expect(s.search('蟹黃湯包')).toEqual([]);
    expect(ids(s.search('複習'))).toEqual(['O2VkP8dJ5FE']);
    // Field boosts: title hits, then note hits, then summary-only hits.
    s.upsert({ ...base, note: 'Transformer 的 decoder 要再看一次' });
    const t = s.search('transformer', { limit: 1000 });
    const rank = (id: string) => t.findIndex((r) => r.videoId === id);
    const firstSummaryOnly = t.findIndex((r) => r.fields.length === 1 && r.fields[0] === 'summary');
    const lastTitle = t.findLastIndex((r) => r.fields[0] === 'title');
    expect(t[rank('O2VkP8dJ5FE')]?.fields).toEqual(['note']);
    expect(rank('O2VkP8dJ5FE')).toBeGreaterThan(lastTitle);
    expect(rank('O2VkP8dJ5FE')).toBeLessThan(firstSummaryOnly);

    s.remove('O2VkP8dJ5FE');
    expect(ids(s.search('損失函數'))).not.toContain('O2VkP8dJ5FE');
    expect(s.ready).toBe(true);
  });
});

describe('while the index builds', () => {
  it('answers from a substring scan of titles and notes, then from the index', async () => {
    const s = new LectureSearch();
    const local = fixtureDocs();
    local[0] = { ...nth(local, 0), note: '期末考重點：交叉熵' };
    const progress: number[] = [];
    const building = s.buildAsync(local, { chunkSize: 10, onProgress: (done) => progress.push(done) });
    expect(s.ready).toBe(false);
    // Titles, case-insensitive, Simplified query.
    const t = s.search('自注意力机制');
    expect(ids(t).sort()).toEqual([...SELF_ATTENTION_TITLES].sort());
    expect(t[0]?.snippetField).toBe('title');
    expect(marked(nth(t, 0))).toEqual(['自注意力機制']);
    expect(ids(s.search('SELF-ATTENTION')).length).toBeGreaterThanOrEqual(5);
    // Notes.
    const n = s.search('交叉熵');
    expect(ids(n)).toEqual([local[0]?.videoId]);
    expect(n[0]?.snippetField).toBe('note');
    // Summaries are not scanned yet: 強化學習 appears in no title.
    expect(s.search('強化學習')).toEqual([]);
    // An update during the build is kept.
    s.upsert({ ...nth(local, 5), note: '寫在建索引時的筆記' });
    await building;
    expect(s.ready).toBe(true);
    expect(progress.at(-1)).toBe(local.length);
    expect(progress.length).toBeGreaterThan(5);
    expect(ids(s.search('建索引'))).toEqual([local[5]?.videoId]);
    expect(ids(s.search('強化學習'))).toEqual(expect.arrayContaining(HAS_RL_PHRASE));
  });

  it('a second build supersedes the first', async () => {
    const s = new LectureSearch();
    const local = fixtureDocs();
    const first = s.buildAsync(local, { chunkSize: 5 });
    const second = s.buildAsync(local.slice(0, 3));
    await Promise.all([first, second]);
    expect(s.ready).toBe(true);
    expect(s.search('學習', { limit: 1000 }).length).toBeLessThanOrEqual(3);
  });
});
