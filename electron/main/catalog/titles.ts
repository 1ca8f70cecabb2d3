// Title → course structure. Hung-yi Lee's channel names videos differently in
// each era (see docs/catalog-format.md, "Title conventions"), so this reads the
// conventions one family at a time. Pure: no node, no electron.

export interface TitleInfo {
  /** Normalised course key (NFKC, no spaces, lowercase), or null when the title names no course. */
  courseKey: string | null;
  /** The course name as written in this title (tag text, or prefix word plus year). */
  courseTitle: string | null;
  /** Position in the course: [3, 1] for `ML Lecture 3-1`, [27] for `Lecture 27`, [12] for `第十二講`. */
  lecture: number[] | null;
  /** Order inside one topic: `(2/5)` → 2, `(三)` → 3, `(下)` → 3, `(Part IV)` → 4. */
  part: number | null;
  /** The `n` of `(k/n)`; null for markers that do not say how many parts there are. */
  partOf: number | null;
  /** The title text before the part marker, used to keep the parts of one topic together. */
  seriesStem: string | null;
  year: number | null;
  /**
   * True when the course name comes from a rule that only counts when another video
   * shares the name (`Structured Learning 1:`, `HW3`); see LECTURE_RULES.
   */
  weakName: boolean;
}

/** The key two spellings of one name share: `機器學習 2022` and `機器學習2022` → `機器學習2022`. */
export function normaliseKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
    keys.set(text, key);
  }
  return key;
}
// NFKC is the costly step, and one build asks for the same stems and tags several times.
const keys = new Map<string, string>();
const MAX_KEYS = 50_000;

// Full-width ASCII variants (U+FF01–FF5E) and the ideographic space map one UTF-16
// unit to one, so indexes found in the folded text slice the original text: the
// stem keeps its `？` and `：` for display while the patterns only need ASCII.
function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/gu, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const ZH_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const ZH_NUMERAL = '[零〇一二兩三四五六七八九十百]+';

/** Chinese numerals up to 999 (`十二` → 12, `二十` → 20, `一百零五` → 105); null if malformed. */
export function parseChineseNumeral(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = Object.hasOwn(ZH_DIGITS, ch) ? ZH_DIGITS[ch] : undefined;
    if (d !== undefined) {
      // 零 inside a number only marks a skipped place (一百零五 = 105)
      if (d === 0 && text.length > 1) continue;
      if (digit !== null) return null; // two digits in a row: not a numeral we write
      digit = d;
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      // a bare 十 at the start means ten (十二 = 12)
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Roman numerals I…CC, case-insensitive; null if not one. */
export function parseRomanNumeral(text: string): number | null {
  const s = text.toLowerCase();
  if (!/^[ivxlc]+$/u.test(s)) return null;
  let total = 0;
  // The regex above let only the letters ROMAN maps through.
  const values = [...s].map((ch) => ROMAN[ch] ?? 0);
  values.forEach((v, i) => {
    total += v < (values[i + 1] ?? 0) ? -v : v;
  });
  return total > 0 ? total : null;
}

function parseNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  return parseRomanNumeral(text) ?? parseChineseNumeral(text);
}

// A `[YYYY-MM-DD]` belongs to the entry, not the title; the parser removes it,
// but a title handed over with it still names its course.
const DATE_PREFIX = /^\s*\[\d{4}-\d{2}-\d{2}\]\s*/u;
const FULL_TAG = /^【([^】]+)】\s*/u;
const DIGIT = /[0-9]/u;
const BRACKET_TAG = /^\[([^\]]+)\]\s*/u;
const YEAR_IN_TAG = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/u;

// A course name written in front of a number: one to five Latin words
// (`ML`, `Linear Algebra`, `Deep Learning Theory`).
const NAME = String.raw`[A-Za-z][\w&+'.-]*(?:\s+[A-Za-z][\w&+'.-]*){0,4}`;
const YEAR = String.raw`(?:\s*\((?<year>(?:19|20)\d{2})\))?`;

/** What a numbering rule reads off the front of a title (after any course tag). */
export interface LectureMatch {
  lecture: number[];
  /** The course the words before the number name, or null when the rule names none. */
  course: string | null;
  year: number | null;
  /** Characters of the (folded) title the rule consumed. */
  length: number;
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
  /** [title, lecture, course] — checked by tests/unit/titles.test.ts. */
  examples: [title: string, lecture: number[], course: string | null][];
}

// Order matters: the first rule that matches wins.
export const LECTURE_RULES: readonly LectureRule[] = [
  {
    name: '<Name> Lecture N[-M] [(year)]:',
    pattern: new RegExp(String.raw`^(?:(?<course>${NAME})\s+)?lecture\s*(?<n>\d+)(?:\s*-\s*(?<m>\d+))?${YEAR}(?![0-9])\s*:?\s*`, 'iu'),
    trust: 'alone',
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
    examples: [
      ['Deep Learning Theory 2-3: Does Deep Network have Local Minima?', [2, 3], 'Deep Learning Theory'],
      ['Theory 1-1: Can shallow network fit any function?', [1, 1], 'Theory'],
      ['Signal Processing (2030) 4-2: Filters', [4, 2], 'Signal Processing (2030)'], // invented
    ],
  },
  {
    name: 'HWn',
    pattern: /^(?<course>HW|homework)\s*(?<n>\d+)(?![0-9])\s*:?\s*/iu,
    trust: 'shared',
    examples: [
      ['HW1 (presented by 黃文璁,蔡昕宇,許傑盛)', [1], 'HW'],
      ['HW 12: Reinforcement Learning', [12], 'HW'], // invented
      ['Homework 3 - Review', [3], 'Homework'], // invented
    ],
  },
  {
    name: '<Name> N: (shared by several videos)',
    pattern: new RegExp(String.raw`^(?<course>${NAME})${YEAR}\s+(?<n>\d+)\s*:\s*`, 'u'),
    trust: 'shared',
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
    examples: [
      ['Paper Reading #3: Attention Is All You Need', [3], 'Paper Reading'], // invented
      ['Office Hour #12', [12], 'Office Hour'], // invented
    ],
  },
  {
    name: '第N講 / 第一講',
    pattern: new RegExp(String.raw`^第\s*(?<n>\d+|${ZH_NUMERAL})\s*[講讲課课章]\s*:?\s*`, 'u'),
    trust: 'alone',
    examples: [
      ['第0講：課程說明 (17:15 有芙莉蓮雷)', [0], null],
      ['第十二講：模型評估', [12], null], // invented
      ['第3课 简体字的课', [3], null], // invented
    ],
  },
];

/** Reads `rule` off the front of `folded` (a title with widths folded, tag removed). */
export function readLecture(rule: LectureRule, folded: string): LectureMatch | null {
  const m = rule.pattern.exec(folded);
  const g = m?.groups;
  if (!m || !g) return null;
  const n = g.n === undefined ? null : parseNumber(g.n);
  if (n === null) return null;
  const lecture = g.m !== undefined ? [n, Number(g.m)] : [n];
  const year = g.year !== undefined ? Number(g.year) : null;
  const course = g.course === undefined ? null : year !== null ? `${g.course} (${year})` : g.course;
  return { lecture, course, year, length: m[0].length };
}

/** A rule that orders the parts of one topic. */
export interface PartRule {
  name: string;
  /** Group `k` is the part; `n`, when present, the number of parts. */
  pattern: RegExp;
  /** A character every match contains: titles without it skip the pattern. */
  needs: string | null;
  read: (k: string) => number | null;
  /** [title, part] — checked by tests/unit/titles.test.ts. */
  examples: [title: string, part: number][];
}

const UPPER_MIDDLE_LOWER: Record<string, number> = { 上: 1, 中: 2, 下: 3 };

// Only these exact shapes count, so `(RL)`, `(optional)`, `(English version)`,
// `(5:30 有…)`, `C#` are left alone. In the folded text: `（三）` reads as `(三)`.
export const PART_RULES: readonly PartRule[] = [
  {
    name: '(k/n)',
    needs: '/',
    pattern: /\(\s*(?<k>\d+)\s*\/\s*(?<n>\d+)\s*\)/u,
    read: Number,
    examples: [['Anomaly Detection (3/7)', 3], ['大模型 + 大資料 = 神奇結果？(1/3)：大模型的頓悟時刻', 1]],
  },
  {
    name: '(一)…(十二)',
    needs: '(',
    pattern: new RegExp(String.raw`\(\s*(?<k>${ZH_NUMERAL})\s*\)`, 'u'),
    read: parseChineseNumeral,
    examples: [['類神經網路訓練不起來怎麼辦 (五)： 批次標準化', 5], ['某個主題（十二）', 12]],
  },
  {
    name: '(上)(中)(下)',
    needs: '(',
    pattern: /\(\s*(?<k>[上中下])\s*\)/u,
    read: (k) => UPPER_MIDDLE_LOWER[k] ?? null,
    examples: [['Transformer (下)', 3], ['訓練不了人工智慧？你可以訓練你自己 (中) — 拆解問題', 2]],
  },
  {
    name: '(Part II) / (part 2)',
    needs: '(',
    pattern: /\(\s*part\s*(?<k>\d+|[ivxlc]+)\s*\)/iu,
    read: parseNumber,
    examples: [['Deep Generative Model (Part II)', 2], ['Solving System of Linear Equations (part 1)', 1]],
  },
  {
    name: '- Part N',
    needs: null,
    pattern: /(?:^|\s)[-–—]\s*part\s*(?<k>\d+|[ivxlc]+)(?![a-z0-9])/iu,
    read: parseNumber,
    examples: [['自然語言處理上的對抗式攻擊 (由姜成翰助教講授) - Part 3', 3], ['Compilers — Part IV', 4]],
  },
  {
    name: '#N',
    needs: '#',
    pattern: /(?:^|\s)#\s?(?<k>\d+)(?![0-9])/u,
    read: Number,
    examples: [['語音模型的新進展 #2', 2], ['Reading group #10 — scaling laws', 10]], // invented
  },
];

export interface PartMatch {
  part: number;
  partOf: number | null;
  start: number;
  end: number;
}

/** The leftmost part marker in `folded` (earlier rules win a tie). */
export function readPart(folded: string): PartMatch | null {
  let best: PartMatch | null = null;
  for (const rule of PART_RULES) {
    if (rule.needs !== null && !folded.includes(rule.needs)) continue;
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
const TRAILING_SEPARATORS = /[\s\-–—:：,，、]+$/u;

interface Tag {
  text: string;
  rest: string;
}

function takeTag(title: string): Tag | null {
  const m = FULL_TAG.exec(title) ?? BRACKET_TAG.exec(title);
  const text = m?.[1]?.trim();
  if (!m || text === undefined) return null;
  if (text === '') return null;
  return { text, rest: title.slice(m[0].length) };
}

/** True when the title opens with a course tag (`【…】` or `[…]`, not a date). */
export function hasCourseTag(title: string): boolean {
  const t = title.trimStart();
  // Most titles settle on their first character; only `[` may still be a date.
  if (t[0] !== '【' && t[0] !== '[') return false;
  return takeTag(t.replace(DATE_PREFIX, '').trim()) !== null;
}

export function parseTitle(title: string): TitleInfo {
  const clean = title.replace(DATE_PREFIX, '').trim();
  const info: TitleInfo = {
    courseKey: null,
    courseTitle: null,
    lecture: null,
    part: null,
    partOf: null,
    seriesStem: null,
    year: null,
    weakName: false,
  };

  let rest = clean;
  const tag = takeTag(clean);
  if (tag) {
    info.courseTitle = tag.text;
    info.courseKey = normaliseKey(tag.text);
    const y = YEAR_IN_TAG.exec(foldWidth(tag.text));
    if (y) info.year = Number(y[1]);
    rest = tag.rest;
  }

  // One fold serves both passes: folding keeps every index, so slices line up.
  let folded = foldWidth(rest);
  // Every numbering rule needs an Arabic digit or opens with 第: most titles skip them all.
  const numbered = folded.startsWith('第') || DIGIT.test(folded);
  for (const rule of numbered ? LECTURE_RULES : []) {
    const prefix = readLecture(rule, folded);
    if (!prefix) continue;
    info.lecture = prefix.lecture;
    if (prefix.year !== null) info.year = prefix.year;
    // A prefix word only names the course when no tag did: `[DLHLP 2020] …` wins.
    // Under a tag, a shared-trust rule still orders; the tag already says which course.
    if (!tag && prefix.course !== null) {
      info.courseTitle = prefix.course;
      info.courseKey = normaliseKey(prefix.course);
      info.weakName = rule.trust === 'shared';
    }
    rest = rest.slice(prefix.length);
    folded = folded.slice(prefix.length);
    break;
  }

  const marker = readPart(folded);
  if (marker) {
    info.part = marker.part;
    info.partOf = marker.partOf;
    let stem = rest.slice(0, marker.start).replace(TRAILING_SEPARATORS, '').trim();
    // A marker that opens the title leaves no stem; the text after it names the topic.
    if (stem === '') stem = rest.slice(marker.end).replace(/^[\s\-–—:：]+/u, '').trim();
    info.seriesStem = stem === '' ? null : stem;
  }
  return info;
}

/** Numeric comparison of lecture numbers: [3] < [3, 1] < [3, 2] < [4] < [10]. */
export function compareLecture(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
