// Search figures on the generated 10,000-entry catalog (~14 MB): per-query latency over a
// fixed mix of Chinese, Simplified, English and mixed queries at the UI's page size,
// including snippets and highlights for the returned page, against a reference engine on
// the same documents in the same run: FlexSearch's `Document` with a CJK-bigram encoder
// (ids only, no snippets). Index build times are reported beside each other.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Document } from 'flexsearch';
import { parseCatalog } from '../electron/main/catalog/parse';
import { LectureSearch, type SearchDoc } from '../electron/main/search/index';
import { fold } from '../electron/main/search/normalize';
import { bigrams, runs } from '../electron/main/search/tokenize';
import { generatedCatalogPath } from './generate';
import { median, percentile, ratioFigure, type Figure } from './lib';

export const QUERIES = [
  // Chinese (Traditional)
  '注意力',
  '強化學習',
  '自注意力機制',
  '生成式對抗網路',
  '損失函數',
  '語音',
  '大型語言模型',
  '第0講',
  '模型 壓縮',
  '學',
  // Simplified
  '学习',
  '注意力机制',
  '训练',
  '语言模型',
  // English
  'GAN',
  'self-att',
  'Atten',
  'transformer',
  'Reinforcement Learning',
  'BERT',
  'diffusion',
  'ChatGPT',
  'network compression',
  // mixed
  'GAN 訓練',
  'BERT 自督導',
  'Diffusion 原理',
  'ChatGPT 原理剖析',
];

/** Runs per query after one warm-up run. */
const REPEAT = 30;
/** The UI's page of hits: the contract allows up to 200, the list shows far fewer. */
const LIMIT = 50;

/** The reference's encoder: the same folding, words and CJK bigrams, as plain strings. */
function bigramEncode(text: string): string[] {
  const out: string[] = [];
  for (const r of runs(fold(text))) {
    if (r.cjk) out.push(...bigrams(r.text));
    else out.push(r.text);
  }
  return out;
}

function reference(docs: SearchDoc[]) {
  const index = new Document({
    document: { id: 'videoId', index: ['title', 'summary'] },
    encode: bigramEncode,
    tokenize: 'strict',
  } as never);
  docs.forEach((d) => index.add(d as never));
  return index;
}

export async function run(): Promise<Figure[]> {
  const text = readFileSync(generatedCatalogPath(10_000), 'utf8');
  const docs: SearchDoc[] = parseCatalog(text).entries.map((e) => ({
    videoId: e.videoId,
    title: e.title,
    summary: e.summary,
    note: '',
  }));
  // One build of each per run (run.ts repeats runs and takes medians).
  const search = new LectureSearch();
  const ours = { build: [] as number[], query: [] as number[] };
  const base = { build: [] as number[], query: [] as number[] };
  let t = performance.now();
  await search.buildAsync(docs, { chunkSize: 1000 });
  ours.build.push(performance.now() - t);
  t = performance.now();
  const ref = reference(docs);
  base.build.push(performance.now() - t);

  const perQuery: { query: string; hits: number; ref: number; ms: number; refMs: number }[] = [];
  for (const q of QUERIES) {
    search.search(q, { limit: LIMIT });
    ref.search(q, { limit: LIMIT });
    const mine: number[] = [];
    const theirs: number[] = [];
    let hits = 0;
    let refHits = 0;
    for (let i = 0; i < REPEAT; i++) {
      t = performance.now();
      hits = search.search(q, { limit: LIMIT }).length;
      mine.push(performance.now() - t);
      t = performance.now();
      const r = ref.search(q, { limit: LIMIT }) as unknown as { result: unknown[] }[];
      theirs.push(performance.now() - t);
      refHits = new Set(r.flatMap((x) => x.result)).size;
    }
    ours.query.push(...mine);
    base.query.push(...theirs);
    const r2 = (x: number) => Math.round(x * 1000) / 1000;
    perQuery.push({ query: q, hits, ref: refHits, ms: r2(median(mine)), refMs: r2(median(theirs)) });
  }
  if (process.env.BENCH_VERBOSE) console.table(perQuery);
  return [
    ratioFigure('search-build-10k', median(ours.build), median(base.build), null),
    ratioFigure('search-query-median', median(ours.query), median(base.query), null),
    ratioFigure('search-query-p95', percentile(ours.query, 95), percentile(base.query, 95), 1.5),
  ];
}
