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
}

/** The key two spellings of one name share: `機器學習 2022` and `機器學習2022` → `機器學習2022`. */
export function normaliseKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

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
const BRACKET_TAG = /^\[([^\]]+)\]\s*/u;

// `ML Lecture 3-1:`, `Lecture 29:`, `GAN Lecture 4 (2018):`; the prefix word names
// the course when there is no tag.
const LECTURE =
  /^(?:([A-Za-z][A-Za-z0-9]*)\s+)?lecture\s*(\d+)(?:\s*-\s*(\d+))?(?:\s*\((\d{4})\))?(?![0-9])\s*:?\s*/iu;
// `Theory 2-3:` — a word and a dashed number pair, then a colon.
const WORD_DASHED = /^([A-Za-z][A-Za-z0-9]*)\s+(\d+)-(\d+)\s*:\s*/u;
// `第0講`, `第12講`, `第十二講`, and the simplified 讲.
const CHAPTER = new RegExp(String.raw`^第\s*(\d+|${ZH_NUMERAL})\s*[講讲]\s*:?\s*`, 'u');

// Part markers, in the folded text. Only these exact shapes count, so `(RL)`,
// `(optional)`, `(English version)`, `(5:30 有…)` are left alone.
const PART = new RegExp(
  [
    String.raw`\(\s*(?<k>\d+)\s*/\s*(?<n>\d+)\s*\)`,
    String.raw`\(\s*(?<zh>${ZH_NUMERAL})\s*\)`,
    String.raw`\(\s*(?<ud>[上中下])\s*\)`,
    String.raw`\(\s*part\s*(?<pp>\d+|[ivxlc]+)\s*\)`,
    String.raw`(?:^|\s)[-–—]\s*part\s*(?<dp>\d+|[ivxlc]+)(?![a-z0-9])`,
  ].join('|'),
  'iu',
);
const UPPER_MIDDLE_LOWER: Record<string, number> = { 上: 1, 中: 2, 下: 3 };

const YEAR_IN_TAG = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/u;

// Separators left dangling once the marker is cut off: `Topic (一) – rest` → `Topic`.
const TRAILING_SEPARATORS = /[\s\-–—:：,，、]+$/u;

interface PartMarker {
  part: number;
  partOf: number | null;
  start: number;
  end: number;
}

function findPart(folded: string): PartMarker | null {
  const m = PART.exec(folded);
  if (!m?.groups) return null;
  const g = m.groups;
  let part: number | null;
  let partOf: number | null = null;
  if (g.k !== undefined) {
    part = Number(g.k);
    partOf = Number(g.n);
  } else if (g.zh !== undefined) part = parseChineseNumeral(g.zh);
  else if (g.ud !== undefined) part = UPPER_MIDDLE_LOWER[g.ud] ?? null;
  else part = parseNumber(g.pp ?? g.dp ?? '');
  if (part === null) return null;
  return { part, partOf, start: m.index, end: m.index + m[0].length };
}

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

interface LecturePrefix {
  lecture: number[];
  course: string | null;
  year: number | null;
  length: number;
}

function takeLecture(folded: string): LecturePrefix | null {
  const lec = LECTURE.exec(folded);
  if (lec) {
    const lecture = [Number(lec[2])];
    if (lec[3] !== undefined) lecture.push(Number(lec[3]));
    return {
      lecture,
      course: lec[1] ?? null,
      year: lec[4] !== undefined ? Number(lec[4]) : null,
      length: lec[0].length,
    };
  }
  const dashed = WORD_DASHED.exec(folded);
  if (dashed) {
    return {
      lecture: [Number(dashed[2]), Number(dashed[3])],
      course: dashed[1] ?? null,
      year: null,
      length: dashed[0].length,
    };
  }
  const chapter = CHAPTER.exec(folded);
  if (chapter?.[1] !== undefined) {
    const n = parseNumber(chapter[1]);
    if (n !== null) return { lecture: [n], course: null, year: null, length: chapter[0].length };
  }
  return null;
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

  const prefix = takeLecture(foldWidth(rest));
  if (prefix) {
    info.lecture = prefix.lecture;
    if (prefix.year !== null) info.year = prefix.year;
    // A prefix word only names the course when no tag did: `[DLHLP 2020] …` wins.
    if (!tag && prefix.course !== null) {
      info.courseTitle = prefix.year !== null ? `${prefix.course} (${prefix.year})` : prefix.course;
      info.courseKey = normaliseKey(info.courseTitle);
    }
    rest = rest.slice(prefix.length);
  }

  const marker = findPart(foldWidth(rest));
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
