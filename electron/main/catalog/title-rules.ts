// The numbering rules, one table each for lecture numbers and part markers, every rule with
// the examples the tests read back. Add a row here for a new convention; titles.ts applies them.
// Pure: no node, no electron.
import { parseChineseNumeral, parseNumber, ZH_NUMERAL } from './numerals';

// A course name written in front of a number: one to five Latin words
// (`ML`, `Linear Algebra`, `Deep Learning Theory`).
const NAME = String.raw`[A-Za-z][\w&+'.-]*(?:\s+[A-Za-z][\w&+'.-]*){0,4}`;
const YEAR = String.raw`(?:\s*\((?<year>(?:19|20)\d{2})\))?`;

/** Marks a rule needs in a title; `marksOf` finds them all in one pass, so most rules are skipped without running. */
export const MARK = { digit: 1, paren: 2, slash: 4, hash: 8, dash: 16, colon: 32 } as const;

/** The MARK bits present in `folded` (a title with widths folded). */
export function marksOf(folded: string): number {
  let m = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 48 && c <= 57) m |= MARK.digit;
    else if (c === 40) m |= MARK.paren;
    else if (c === 47) m |= MARK.slash;
    else if (c === 35) m |= MARK.hash;
    else if (c === 45 || c === 0x2013 || c === 0x2014) m |= MARK.dash;
    else if (c === 58) m |= MARK.colon;
  }
  return m;
}

/** What a numbering rule reads off the front of a title (after any course tag). */
export interface LectureMatch {
  lecture: number[];
  /** The course the words before the number name, or null when the rule names none. */
  course: string | null;
  year: number | null;
  /** Characters of the (folded) title the rule consumed. */
  length: number;
  /** The course name is the rule's stand-in (`第N講`), not words the title wrote. */
  unnamed: boolean;
}

/**
 * A rule that numbers lectures. `trust: 'alone'` names a course from one title;
 * `'shared'` only when two or more videos carry the same name (`Structured Learning 1:`
 * is a course, a lone `Top 10: …` is not).
 */
export interface LectureRule {
  name: string;
  pattern: RegExp;
  trust: 'alone' | 'shared';
  /** How every title the rule reads begins: a Latin letter, or 第. Titles that begin otherwise skip the pattern. */
  opens: 'letter' | '第';
  /** MARK bits every title the rule reads has. */
  marks: number;
  /** A word every title the rule reads contains, tested only when the marks are there; or null. */
  quick: RegExp | null;
  /**
   * The course name for a title that writes none before its number (`第二講：…` → `第N講`,
   * `{unit}` being the word it numbers), counted only when two or more videos share it; or null.
   */
  unnamed: string | null;
  /** [title, lecture, course] — checked by tests/unit/catalog/titles.test.ts. */
  examples: [title: string, lecture: number[], course: string | null][];
}

// Order matters: the first rule that matches wins.
export const LECTURE_RULES: readonly LectureRule[] = [
  {
    name: '<Name> Lecture N[-M] [(year)]:',
    pattern: new RegExp(String.raw`^(?:(?<course>${NAME})\s+)?lecture\s*(?<n>\d+)(?:\s*-\s*(?<m>\d+))?${YEAR}(?![0-9])\s*:?\s*`, 'iu'),
    trust: 'alone',
    opens: 'letter',
    marks: MARK.digit,
    quick: /lecture/i,
    unnamed: null,
    examples: [
      ['ML Lecture 3-1: Gradient Descent', [3, 1], 'ML'],
      ['Linear Algebra Lecture 31: Gram-Schmidt Process', [31], 'Linear Algebra'],
      ['GAN Lecture 4 (2018): Basic Theory', [4], 'GAN (2018)'],
      ['Lecture 29: Introduction of Reinforcement Learning', [29], null],
      ['Quantum Computing Lecture 12 (2031): Error Correction', [12], 'Quantum Computing (2031)'], // invented
    ],
  },
  {
    name: '<Name> N-M:',
    pattern: new RegExp(String.raw`^(?<course>${NAME})${YEAR}\s+(?<n>\d+)\s*-\s*(?<m>\d+)\s*:\s*`, 'u'),
    trust: 'alone',
    opens: 'letter',
    marks: MARK.digit | MARK.dash | MARK.colon,
    quick: null,
    unnamed: null,
    examples: [
      ['Deep Learning Theory 2-3: Does Deep Network have Local Minima?', [2, 3], 'Deep Learning Theory'],
      ['Theory 1-1: Can shallow network fit any function?', [1, 1], 'Theory'],
      ['Signal Processing (2030) 4-2: Filters', [4, 2], 'Signal Processing (2030)'], // invented
    ],
  },
  {
    name: 'HWn',
    pattern: new RegExp(String.raw`^(?<course>HW|homework)\s*(?<n>\d+)(?![0-9])${YEAR}\s*:?\s*`, 'iu'),
    trust: 'shared',
    opens: 'letter',
    marks: MARK.digit,
    quick: null,
    unnamed: null,
    examples: [
      ['HW1 (presented by 黃文璁,蔡昕宇,許傑盛)', [1], 'HW'],
      ['HW 12: Reinforcement Learning', [12], 'HW'], // invented
      ['Homework 3 - Review', [3], 'Homework'], // invented
      ['HW2 (2031): Review', [2], 'HW (2031)'], // invented: a year separates two runs
    ],
  },
  {
    name: '<Name> N: (shared by several videos)',
    pattern: new RegExp(String.raw`^(?<course>${NAME})${YEAR}\s+(?<n>\d+)\s*:\s*`, 'u'),
    trust: 'shared',
    opens: 'letter',
    marks: MARK.digit | MARK.colon,
    quick: null,
    unnamed: null,
    examples: [
      ['Structured Learning 1: Introduction', [1], 'Structured Learning'],
      ['Structured Learning 4: Sequence Labeling', [4], 'Structured Learning'],
      ['Graph Theory (2029) 3: Matchings', [3], 'Graph Theory (2029)'], // invented
    ],
  },
  {
    name: '<Name> #N',
    pattern: new RegExp(String.raw`^(?<course>${NAME})\s*#\s?(?<n>\d+)(?![0-9])\s*:?\s*`, 'u'),
    trust: 'shared',
    opens: 'letter',
    marks: MARK.digit | MARK.hash,
    quick: null,
    unnamed: null,
    examples: [
      ['Paper Reading #3: Attention Is All You Need', [3], 'Paper Reading'], // invented
      ['Office Hour #12', [12], 'Office Hour'], // invented
    ],
  },
  {
    name: '第N講 / 第一講',
    pattern: new RegExp(String.raw`^第\s*(?<n>\d+|${ZH_NUMERAL})\s*(?<unit>[講讲課课章])${YEAR}\s*:?\s*`, 'u'),
    trust: 'alone',
    opens: '第',
    marks: 0,
    quick: null,
    unnamed: '第N{unit}',
    examples: [
      ['第0講：課程說明 (17:15 有芙莉蓮雷)', [0], '第N講'],
      ['第十二講：模型評估', [12], '第N講'], // invented
      ['第3课 简体字的课', [3], '第N课'], // invented
      ['第二講 (2030)：回顧', [2], '第N講 (2030)'], // invented: a year separates two runs
    ],
  },
];

/** False when `folded` (with `marks`) cannot be read by `rule`: it begins otherwise, or lacks what the rule needs. */
export function mayRead(rule: LectureRule, folded: string, marks: number): boolean {
  if ((marks & rule.marks) !== rule.marks) return false;
  if (rule.quick !== null && !rule.quick.test(folded)) return false;
  const c = folded.charCodeAt(0);
  if (rule.opens === '第') return c === 0x7b2c; /* 第 */
  // Under the `iu` flags [A-Za-z] also matches ſ (U+017F) and the Kelvin sign (U+212A).
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x17f || c === 0x212a;
}

/** Reads `rule` off the front of `folded` (a title with widths folded, tag removed). */
export function readLecture(rule: LectureRule, folded: string): LectureMatch | null {
  const m = rule.pattern.exec(folded);
  const g = m?.groups;
  if (!m || !g) return null;
  const n = g.n === undefined ? null : parseNumber(g.n);
  if (n === null) return null;
  const lecture = g.m !== undefined ? [n, Number(g.m)] : [n];
  const year = g.year !== undefined ? Number(g.year) : null;
  const named = g.course ?? (rule.unnamed === null ? undefined : rule.unnamed.replace('{unit}', g.unit ?? ''));
  const course = named === undefined ? null : year !== null ? `${named} (${year})` : named;
  return { lecture, course, year, length: m[0].length, unnamed: g.course === undefined && course !== null };
}

/** A rule that orders the parts of one topic. */
export interface PartRule {
  name: string;
  /** Group `k` is the part; `n`, when present, the number of parts. */
  pattern: RegExp;
  /** MARK bits every match has: titles without them skip the pattern. */
  marks: number;
  read: (k: string) => number | null;
  /** [title, part] — checked by tests/unit/catalog/titles.test.ts. */
  examples: [title: string, part: number][];
}

const UPPER_MIDDLE_LOWER: Record<string, number> = { 上: 1, 中: 2, 下: 3 };

// Only these exact shapes count, so `(RL)`, `(optional)`, `(English version)`,
// `(5:30 有…)`, `C#` are left alone. In the folded text: `（三）` reads as `(三)`.
export const PART_RULES: readonly PartRule[] = [
  {
    name: '(k/n)',
    marks: MARK.paren | MARK.slash | MARK.digit,
    pattern: /\(\s*(?<k>\d+)\s*\/\s*(?<n>\d+)\s*\)/u,
    read: Number,
    examples: [
      ['Anomaly Detection (3/7)', 3],
      ['大模型 + 大資料 = 神奇結果？(1/3)：大模型的頓悟時刻', 1],
    ],
  },
  {
    name: '(一)…(十二)',
    marks: MARK.paren,
    pattern: new RegExp(String.raw`\(\s*(?<k>${ZH_NUMERAL})\s*\)`, 'u'),
    read: parseChineseNumeral,
    examples: [
      ['類神經網路訓練不起來怎麼辦 (五)： 批次標準化', 5],
      ['某個主題（十二）', 12],
    ],
  },
  {
    name: '(上)(中)(下)',
    marks: MARK.paren,
    pattern: /\(\s*(?<k>[上中下])\s*\)/u,
    read: (k) => UPPER_MIDDLE_LOWER[k] ?? null,
    examples: [
      ['Transformer (下)', 3],
      ['訓練不了人工智慧？你可以訓練你自己 (中) — 拆解問題', 2],
    ],
  },
  {
    name: '(Part II) / (part 2)',
    marks: MARK.paren,
    pattern: /\(\s*part\s*(?<k>\d+|[ivxlc]+)\s*\)/iu,
    read: parseNumber,
    examples: [
      ['Deep Generative Model (Part II)', 2],
      ['Solving System of Linear Equations (part 1)', 1],
    ],
  },
  {
    name: '- Part N',
    marks: MARK.dash,
    pattern: /(?:^|\s)[-–—]\s*part\s*(?<k>\d+|[ivxlc]+)(?![a-z0-9])/iu,
    read: parseNumber,
    examples: [
      ['自然語言處理上的對抗式攻擊 (由姜成翰助教講授) - Part 3', 3],
      ['Compilers — Part IV', 4],
    ],
  },
  {
    name: '#N',
    marks: MARK.hash | MARK.digit,
    pattern: /(?:^|\s)#\s?(?<k>\d+)(?![0-9])/u,
    read: Number,
    examples: [
      ['語音模型的新進展 #2', 2],
      ['Reading group #10 — scaling laws', 10],
    ], // invented
  },
];

export interface PartMatch {
  part: number;
  partOf: number | null;
  start: number;
  end: number;
}

/** The leftmost part marker in `folded` (earlier rules win a tie). */
export function readPart(folded: string, marks = marksOf(folded)): PartMatch | null {
  let best: PartMatch | null = null;
  for (const rule of PART_RULES) {
    if ((marks & rule.marks) !== rule.marks) continue;
    const m = rule.pattern.exec(folded);
    if (!m?.groups || (best && m.index >= best.start)) continue;
    const k = m.groups.k;
    const part = k === undefined ? null : rule.read(k);
    if (part === null) continue;
    const partOf = m.groups.n !== undefined ? Number(m.groups.n) : null;
    best = { part, partOf, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

// Separators left dangling once the marker is cut off: `Topic (一) – rest` → `Topic`.
