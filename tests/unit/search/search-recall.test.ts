// Recall of the index against the plainest possible search: a case-insensitive substring
// scan of title + summary (after Simplified → Traditional conversion of the query, since
// the pages are Traditional). Every page the scan finds should be among the results.
import { Converter } from 'opencc-js/cn2t';
import { beforeAll, expect, it } from 'vitest';
import { LectureSearch, type SearchDoc } from '../../../electron/main/search/index';
import { fixtureDocs } from './search-fixtures';

const QUERIES: { q: string; simplified?: true }[] = [
  // Chinese
  { q: '注意力' }, { q: '強化學習' }, { q: '自注意力機制' }, { q: '生成式對抗網路' }, { q: '損失函數' },
  { q: '語音' }, { q: '大型語言模型' }, { q: '訓練' }, { q: '自督導式學習' }, { q: '梯度下降' },
  { q: '機器學習' }, { q: '第0講' },
  { q: '学习', simplified: true }, { q: '注意力机制', simplified: true }, { q: '语言模型', simplified: true },
  // English
  { q: 'attention' }, { q: 'transformer' }, { q: 'GAN' }, { q: 'BERT' }, { q: 'ChatGPT' }, { q: 'diffusion' },
  { q: 'reinforcement learning' }, { q: 'self-supervised' }, { q: 'network compression' }, { q: 'meta learning' },
  { q: 'softmax' },
  // mixed
  { q: 'GAN 訓練' }, { q: 'BERT 自督導' }, { q: 'Diffusion 原理' },
];

let docs: SearchDoc[];
let search: LectureSearch;
beforeAll(async () => {
  docs = fixtureDocs();
  search = new LectureSearch();
  await search.buildAsync(docs);
});

it('finds every page a substring scan finds (recall ≥ 0.95 overall)', () => {
  const s2t = Converter({ from: 'cn', to: 'tw' });
  const rows: { query: string; scan: number; found: number; recall: number; extra: number; missed: string }[] = [];
  for (const { q, simplified } of QUERIES) {
    const words = (simplified ? s2t(q) : q).toLowerCase().split(/\s+/).filter(Boolean);
    const expected = docs.filter((d) => {
      const text = (d.title + '\n' + d.summary).toLowerCase();
      return words.every((w) => text.includes(w));
    });
    const got = new Set(search.search(q, { limit: 10_000 }).map((r) => r.videoId));
    const missed = expected.filter((d) => !got.has(d.videoId));
    const recall = expected.length ? (expected.length - missed.length) / expected.length : 1;
    const extra = [...got].filter((id) => !expected.some((d) => d.videoId === id)).length;
    rows.push({ query: q, scan: expected.length, found: got.size, recall: Math.round(recall * 1000) / 1000, extra, missed: missed.map((d) => d.videoId).join(' ') });
  }
  console.table(rows);
  const avg = rows.reduce((a, r) => a + r.recall, 0) / rows.length;
  const extra = rows.reduce((a, r) => a + r.extra, 0);
  console.log(`average recall ${avg.toFixed(3)} over ${rows.length} queries; ${extra} extra pages returned in total`);
  expect(rows.length).toBeGreaterThanOrEqual(20);
  expect(rows.every((r) => r.scan > 0)).toBe(true); // every query means something on these pages
  expect(avg).toBeGreaterThanOrEqual(0.95);
  // Contiguous Chinese phrases are found by their bigrams: no misses at all.
  for (const r of rows.filter((r) => /^[\p{sc=Han}\d]+$/u.test(r.query))) expect(r.recall, r.query).toBe(1);
});
