// The same lecture taught twice, in Chinese and in English: `【機器學習2021】自注意力機制
// (Self-attention) (上)` and `[ML 2021 (English version)] Lecture 10: Self-attention (1/2)`.
// Pure: no node, no electron.
//
// Evidence, for each English-version video and each candidate Chinese one:
// - English terms: the Chinese titles carry their key terms in English, `(Self-attention)`;
// - the same lecture number in the same course (`ML Lecture 21-1` and its English version);
// - the same name before a colon (`SUPERB: …` and `SUPERB: … (English version)`);
// - part rank: the first part of one topic pairs with the first part of the other;
// - the summaries: both are written in Chinese, so their character pairs overlap;
// - course position: lecture k of n sits near k/n of the other course.
// Pairs are taken best first, one partner each, and only above a floor.
import type { CatalogEntry, Course } from '../../shared/types';
import { normaliseKey, parseTitle, type TitleInfo } from './titles';

const ENGLISH_VERSION = /english\s+version/iu;
/** Below this a candidate is no pair: one shared common word is not evidence. */
export const PAIR_FLOOR = 0.3;

const STOP = new Set(
  'a an and are as at be by can do does for from how in into is it its of on or the this to what when why with ml lecture english version part short aka'.split(
    ' ',
  ),
);

function englishTerms(title: string): Set<string> {
  const text = title
    .normalize('NFKC')
    .replace(/^\s*(?:【[^】]*】|\[[^\]]*\])\s*/u, '')
    .toLowerCase()
    .replace(/[-‐–—]/gu, ' ');
  const out = new Set<string>();
  for (const w of text.match(/[a-z][a-z0-9]+/gu) ?? []) {
    if (STOP.has(w)) continue;
    out.add(w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
  }
  return out;
}

/** The opening of a summary names its topics; the rest only costs time. */
const SUMMARY_CHARS = 800;

/** Distinct CJK character pairs (two UTF-16 units in one number), ascending. */
function bigrams(text: string): Uint32Array {
  const cjk = text
    .slice(0, SUMMARY_CHARS * 2)
    .replace(/[^\u4e00-\u9fff]+/gu, '')
    .slice(0, SUMMARY_CHARS);
  const pairs = new Uint32Array(Math.max(0, cjk.length - 1));
  for (let i = 0; i + 1 < cjk.length; i++) pairs[i] = cjk.charCodeAt(i) * 65536 + cjk.charCodeAt(i + 1);
  pairs.sort();
  let n = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[n - 1]) pairs[n++] = pairs[i]!;
  return pairs.subarray(0, n);
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * jaccard for two sorted sets of numbers, by one merge: the summaries' pairs are compared
 * thousands of times at 10,000 lectures, and hashing each pair made that seconds.
 */
function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

interface Video {
  entry: CatalogEntry;
  info: TitleInfo;
  course: Course;
  /** Position in its course, 0..1. */
  at: number;
  /** 1-based rank among the parts of its topic in its course, or null. */
  rank: number | null;
  terms: Set<string>;
  /** Character pairs of the summary, computed on first use; null when it has none. */
  grams: () => Uint32Array | null;
  head: string | null;
  english: boolean;
}

const HEAD = /^([^:：()（）【】[\]]{2,40}?)\s*[:：]\s*\S/u;

function describe(entries: readonly CatalogEntry[], courses: readonly Course[]): Video[] {
  const byId = new Map(entries.map((e) => [e.videoId, e]));
  const out: Video[] = [];
  for (const course of courses) {
    const n = course.lectures.length;
    const ranks = new Map<string, number>();
    course.lectures.forEach((id, i) => {
      const entry = byId.get(id);
      if (!entry) return;
      const info = parseTitle(entry.title);
      let rank: number | null = null;
      if (info.part !== null && info.seriesStem !== null) {
        const key = normaliseKey(info.seriesStem);
        rank = (ranks.get(key) ?? 0) + 1;
        ranks.set(key, rank);
      }
      let grams: Uint32Array | null | undefined;
      const head = HEAD.exec(entry.title.trim());
      out.push({
        entry,
        info,
        course,
        rank,
        at: n > 1 ? i / (n - 1) : 0,
        terms: englishTerms(entry.title),
        grams: () => (grams === undefined ? (grams = entry.summary.trim() ? bigrams(entry.summary) : null) : grams),
        head: head?.[1] !== undefined ? normaliseKey(head[1]) : null,
        english: ENGLISH_VERSION.test(entry.title),
      });
    });
  }
  return out;
}

function sameLecture(a: Video, b: Video): boolean {
  const [x, y] = [a.info.lecture, b.info.lecture];
  return x !== null && y !== null && a.course.id === b.course.id && x.join('-') === y.join('-');
}

/** How strongly `zh` is the other-language version of `en` (0 = no evidence). */
function score(en: Video, zh: Video, twinCourses: boolean): number {
  let s = 0;
  if (sameLecture(en, zh) && (en.info.part ?? 0) === (zh.info.part ?? 0)) s += 1;
  if (en.head !== null && en.head === zh.head && Math.abs(en.entry.index - zh.entry.index) <= 5) s += 1;
  if (!twinCourses && s === 0) return 0;
  s += 1.5 * jaccard(en.terms, zh.terms);
  const [a, b] = [en.grams(), zh.grams()];
  if (a && b) s += 2 * sortedJaccard(a, b);
  if (twinCourses) {
    if (en.rank !== null && en.rank === zh.rank) s += 0.1;
    s += 0.1 * (1 - Math.abs(en.at - zh.at));
  }
  return s;
}

/**
 * For a course of English versions, the course it translates: the other course of
 * its year whose titles share the most English terms with it.
 */
function twinCourse(en: Course, videos: readonly Video[]): string | null {
  const mine = new Set<string>();
  for (const v of videos) if (v.course.id === en.id) for (const t of v.terms) mine.add(t);
  const shared = new Map<string, number>();
  for (const v of videos) {
    if (v.english || v.course.id === en.id || v.course.group !== en.group || v.course.category === 'other') continue;
    let n = 0;
    for (const t of v.terms) if (mine.has(t)) n++;
    shared.set(v.course.id, (shared.get(v.course.id) ?? 0) + n);
  }
  let best: string | null = null;
  for (const [id, n] of shared) if (n > 0 && (best === null || n > shared.get(best)!)) best = id;
  return best;
}

/**
 * The Chinese videos `en` may pair with, in `videos` order: outside its twin course a pair
 * needs the same lecture of the same course or the same name before a colon (score is 0
 * otherwise), so only those buckets and the twin course are looked at, not every video:
 * at 10,000 lectures that is thousands of comparisons instead of millions.
 */
function candidatesFor(en: Video, twin: string | null, index: Buckets): Video[] {
  const out = new Set<Video>();
  const add = (vs: Video[] | undefined) => vs?.forEach((v) => out.add(v));
  if (twin !== null) add(index.byCourse.get(twin));
  if (en.info.lecture !== null) add(index.byLecture.get(lectureKey(en)));
  if (en.head !== null) add(index.byHead.get(en.head));
  return [...out].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
}

interface Buckets {
  byCourse: Map<string, Video[]>;
  byLecture: Map<string, Video[]>;
  byHead: Map<string, Video[]>;
  /** Position in `videos`, so candidates come in the order a full pass would meet them. */
  order: Map<Video, number>;
}

const lectureKey = (v: Video) => `${v.course.id}\u0000${v.info.lecture?.join('-')}`;

function buckets(videos: readonly Video[]): Buckets {
  const b: Buckets = { byCourse: new Map(), byLecture: new Map(), byHead: new Map(), order: new Map() };
  const put = (m: Map<string, Video[]>, k: string, v: Video) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  videos.forEach((v, i) => {
    b.order.set(v, i);
    if (v.english) return;
    put(b.byCourse, v.course.id, v);
    if (v.info.lecture !== null) put(b.byLecture, lectureKey(v), v);
    if (v.head !== null) put(b.byHead, v.head, v);
  });
  return b;
}

/** videoId → the same lecture in the other language, both ways. */
export function linkVersions(entries: readonly CatalogEntry[], courses: readonly Course[]): Map<string, string> {
  const videos = describe(entries, courses);
  const englishCourses = courses.filter((c) => ENGLISH_VERSION.test(c.title));
  const twinOf = new Map<string, string | null>(englishCourses.map((c) => [c.id, twinCourse(c, videos)]));
  const index = buckets(videos);
  const candidates: { en: Video; zh: Video; s: number }[] = [];
  for (const en of videos) {
    if (!en.english) continue;
    const twin = twinOf.get(en.course.id) ?? null;
    for (const zh of candidatesFor(en, twin, index)) {
      const inTwin = twin !== null && zh.course.id === twin;
      const s = score(en, zh, inTwin);
      if (s >= PAIR_FLOOR) candidates.push({ en, zh, s });
    }
  }
  candidates.sort((a, b) => b.s - a.s || a.en.entry.index - b.en.entry.index || a.zh.entry.index - b.zh.entry.index);
  const links = new Map<string, string>();
  for (const { en, zh } of candidates) {
    if (links.has(en.entry.videoId) || links.has(zh.entry.videoId)) continue;
    links.set(en.entry.videoId, zh.entry.videoId);
    links.set(zh.entry.videoId, en.entry.videoId);
  }
  return links;
}
