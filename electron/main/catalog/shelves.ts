// Where a course sits in the sidebar: its category (course, TA supplement, conference
// or talk, other) and its group (the year it was taught). Pure: no node, no electron.
import type { CatalogEntry, CourseCategory } from '../../shared/types';
import type { TitleInfo } from './titles';

export interface CategoryRule {
  category: CourseCategory;
  /** Tested against the course title. */
  title?: RegExp;
  /** Tested against each lecture title; the rule holds when most lectures match. */
  lectures?: RegExp;
  /** [course title, a lecture title] — checked by tests/unit/catalog/courses.test.ts. */
  examples: [course: string, lecture: string][];
}

// First match wins; a course no rule claims is a 'course'.
export const CATEGORY_RULES: readonly CategoryRule[] = [
  {
    category: 'talk',
    title:
      /\b(?:ICASSP|INTERSPEECH|ICLR|ICML|NeurIPS|NIPS|ACL|EMNLP|NAACL|AAAI|IJCAI|CVPR|ICCV|ECCV|KDD|SIGIR|ASRU|SLT)\b|webinar|seminar|workshop|symposium|keynote|talks?\b|活動|演講|座談|研討會/iu,
    lectures: /\(speaker:|keynote/iu,
    examples: [
      ['ICASSP 2020', '[ICASSP 2020] WHAT DOES A NETWORK LAYER HEAR? (Speaker: Chung-Yi Li)'],
      ['活動宣傳', '[活動宣傳] Webinar Series for Advancements in Audio, Speech and Language Technology'],
      ['Talks of 2024-12-14', 'VoiceCraft: Zero-Shot Speech Editing and TTS in the Wild - Shang-Wen Li (Meta)'],
      ['NeurIPS 2031', '[NeurIPS 2031] An invented paper talk'], // invented
    ],
  },
  {
    category: 'supplement',
    title: /\bTA\b|助教|補充|补充|\btutorials?\b|\bHW\b|\bhomework\b|作業/iu,
    lectures: /助教[\s\S]*講授|講授[\s\S]*助教|presented by|tutorial/iu,
    examples: [
      ['TA 補充課', '[TA 補充課] Graph Neural Network (1/2) (由助教姜成翰同學講授)'],
      ['HW', 'HW1 (presented by 黃文璁,蔡昕宇,許傑盛)'],
      ['Tutorials', 'Tutorials #2: PyTorch'], // invented
    ],
  },
];

export function categoryOf(courseTitle: string, lectureTitles: readonly string[]): CourseCategory {
  const n = lectureTitles.length;
  for (const rule of CATEGORY_RULES) {
    if (rule.title?.test(courseTitle)) return rule.category;
    if (!rule.lectures || n === 0) continue;
    // Stops as soon as the majority is decided either way.
    const need = Math.floor(n / 2) + 1;
    let hits = 0;
    let misses = 0;
    for (let i = 0; i < n; i++) {
      if (rule.lectures.test(lectureTitles[i]!)) hits++;
      else misses++;
      if (hits >= need || misses > n - need) break;
    }
    if (hits >= need) return rule.category;
  }
  return 'course';
}

export const UNDATED_GROUP = 'Undated';
export const OTHER_GROUP = 'Other';

/** Years of dated uploads by index, for courses none of whose videos carry a date. */
export class UploadYears {
  // Built on first use: most courses have a dated video of their own and never ask.
  private sorted: { index: number; year: number }[] | null = null;
  constructor(private readonly entries: readonly CatalogEntry[]) {}
  private get dated(): { index: number; year: number }[] {
    this.sorted ??= this.entries
      .filter((e) => e.date !== null)
      .map((e) => ({ index: e.index, year: Number(e.date!.slice(0, 4)) }))
      .sort((a, b) => a.index - b.index);
    return this.sorted;
  }
  /**
   * The year of the last dated upload at or before `index` (an upload is never older
   * than one before it), else of the first one after it.
   */
  near(index: number): number | null {
    const d = this.dated;
    let lo = 0;
    let hi = d.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((d[mid]?.index ?? Infinity) <= index) lo = mid + 1;
      else hi = mid;
    }
    return (d[lo - 1] ?? d[lo])?.year ?? null;
  }
}

/**
 * The year a course was taught: the year its titles name most often (`機器學習2021`,
 * `GAN Lecture 4 (2018)`), else the year of its first dated upload, else the year of
 * the dated upload before its first video.
 */
export function groupOf(members: readonly { entry: CatalogEntry; info: TitleInfo }[], years: UploadYears): string {
  const named = new Map<number, number>();
  let firstDate: string | null = null;
  let first = Infinity;
  for (const { entry, info } of members) {
    if (info.year !== null) named.set(info.year, (named.get(info.year) ?? 0) + 1);
    if (entry.date !== null && (firstDate === null || entry.date < firstDate)) firstDate = entry.date;
    first = Math.min(first, entry.index);
  }
  let best: number | null = null;
  for (const [year, n] of named) if (best === null || n > named.get(best)! || (n === named.get(best)! && year < best)) best = year;
  if (best !== null) return String(best);
  if (firstDate !== null) return firstDate.slice(0, 4);
  const near = first === Infinity ? null : years.near(first);
  return near === null ? UNDATED_GROUP : String(near);
}
