// Search figures on the generated 10,000-entry catalog (~14 MB): index build time (report
// only) and per-query latency over a fixed mix of Chinese, Simplified, English and mixed
// queries, including snippet work for the returned page of hits.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseCatalog } from '../electron/main/catalog/parse';
import { LectureSearch, type SearchDoc } from '../electron/main/search/index';
import { generatedCatalogPath } from './generate';
import { limitFigure, median, percentile, timeMedian, type Figure } from './lib';

export const QUERIES = [
  // Chinese (Traditional)
  '注意力', '強化學習', '自注意力機制', '生成式對抗網路', '損失函數', '語音', '大型語言模型', '第0講', '模型 壓縮', '學',
  // Simplified
  '学习', '注意力机制', '训练', '语言模型',
  // English
  'GAN', 'self-att', 'Atten', 'transformer', 'Reinforcement Learning', 'BERT', 'diffusion', 'ChatGPT', 'network compression',
  // mixed
  'GAN 訓練', 'BERT 自督導', 'Diffusion 原理', 'ChatGPT 原理剖析',
];

/** Runs per query after one warm-up run. */
const REPEAT = 30;
/** The UI's page of hits: the contract allows up to 200, the list shows far fewer. */
const LIMIT = 50;

export async function run(): Promise<Figure[]> {
  const text = readFileSync(generatedCatalogPath(10_000), 'utf8');
  const docs: SearchDoc[] = parseCatalog(text).entries.map((e) => ({
    videoId: e.videoId, title: e.title, summary: e.summary, note: '',
  }));
  const search = new LectureSearch();
  const build = await timeMedian(() => search.buildAsync(docs, { chunkSize: 200 }), 5);

  const times: number[] = [];
  const perQuery: { query: string; hits: number; medianMs: number }[] = [];
  for (const q of QUERIES) {
    search.search(q, { limit: LIMIT });
    const mine: number[] = [];
    let hits = 0;
    for (let i = 0; i < REPEAT; i++) {
      const t = performance.now();
      hits = search.search(q, { limit: LIMIT }).length;
      mine.push(performance.now() - t);
    }
    times.push(...mine);
    perQuery.push({ query: q, hits, medianMs: Math.round(median(mine) * 100) / 100 });
  }
  if (process.env.BENCH_VERBOSE) console.table(perQuery);
  return [
    limitFigure('search-build-10k', build, null),
    limitFigure('search-query-median', median(times), 5),
    limitFigure('search-query-p95', percentile(times, 95), 5),
  ];
}
