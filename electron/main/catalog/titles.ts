// Title → course structure. Hung-yi Lee's channel names videos differently in
// each era (title-rules.ts lists them, each with examples), so this reads the
// conventions one family at a time. Pure: no node, no electron.
import { foldWidth } from './numerals';
import { LECTURE_RULES, MARK, marksOf, mayRead, readLecture, readPart } from './title-rules';

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

/** A tag's key and the year it names (`機器學習2021` → 2021): every lecture of a course repeats its tag. */
function tagFacts(text: string): { key: string; year: number | null } {
  let facts = tags.get(text);
  if (facts === undefined) {
    if (tags.size >= MAX_KEYS) tags.clear();
    const y = YEAR_IN_TAG.exec(foldWidth(text));
    facts = { key: normaliseKey(text), year: y ? Number(y[1]) : null };
    tags.set(text, facts);
  }
  return facts;
}
const tags = new Map<string, { key: string; year: number | null }>();

// A `[YYYY-MM-DD]` belongs to the entry, not the title; the parser removes it,
// but a title handed over with it still names its course.
const DATE_PREFIX = /^\s*\[\d{4}-\d{2}-\d{2}\]\s*/u;
const YEAR_IN_TAG = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/u;

const TRAILING_SEPARATORS = /[\s\-–—:：,，、]+$/u;

interface Tag {
  text: string;
  rest: string;
}

/** `【tag】 rest` or `[tag] rest`: the tag runs to the first closing bracket and is never empty. */
function takeTag(title: string): Tag | null {
  const first = title.charCodeAt(0);
  const close = first === 0x3010 /* 【 */ ? '】' : first === 91 /* [ */ ? ']' : null;
  const end = close === null ? -1 : title.indexOf(close, 1);
  if (end < 2) return null;
  const text = title.slice(1, end).trim();
  if (text === '') return null;
  return { text, rest: title.slice(end + 1).trimStart() };
}

/** True when the title opens with a course tag (`【…】` or `[…]`, not a date). */
export function hasCourseTag(title: string): boolean {
  return takeTag(withoutDate(title)) !== null;
}

// A superset of what `trim` removes (it only gates the call).
const edge = (c: number) => c <= 32 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x3000) || c === 0xfeff;

/** False only when neither end of `text` can be whitespace (`trim` would return it unchanged). */
function mayHaveEdgeSpace(text: string): boolean {
  return text.length === 0 || edge(text.charCodeAt(0)) || edge(text.charCodeAt(text.length - 1));
}

/** The title trimmed, without a leading `[YYYY-MM-DD]`; only a title opening with `[` may have one. */
function withoutDate(title: string): string {
  const t = mayHaveEdgeSpace(title) ? title.trim() : title;
  return t.charCodeAt(0) === 91 /* [ */ ? t.replace(DATE_PREFIX, '').trim() : t;
}

export function parseTitle(title: string): TitleInfo {
  const clean = withoutDate(title);
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
    const facts = tagFacts(tag.text);
    info.courseTitle = tag.text;
    info.courseKey = facts.key;
    if (facts.year !== null) info.year = facts.year;
    rest = tag.rest;
  }

  // One fold serves both passes: folding keeps every index, so slices line up.
  let folded = foldWidth(rest);
  let marks = marksOf(folded);
  // Every numbering rule needs an Arabic digit or opens with 第: most titles skip them all.
  const numbered = (marks & MARK.digit) !== 0 || folded.startsWith('第');
  for (const rule of numbered ? LECTURE_RULES : []) {
    if (!mayRead(rule, folded, marks)) continue;
    const prefix = readLecture(rule, folded);
    if (!prefix) continue;
    info.lecture = prefix.lecture;
    if (prefix.year !== null) info.year = prefix.year;
    // A prefix word only names the course when no tag did: `[DLHLP 2020] …` wins.
    // Under a tag, a shared-trust rule still orders; the tag already says which course.
    if (!tag && prefix.course !== null) {
      info.courseTitle = prefix.course;
      info.courseKey = normaliseKey(prefix.course);
      // A stand-in name (`第N講`) is a course only when another video shares it, as a shared-trust name.
      info.weakName = rule.trust === 'shared' || prefix.unnamed;
    }
    rest = rest.slice(prefix.length);
    folded = folded.slice(prefix.length);
    marks = marksOf(folded);
    break;
  }

  const marker = readPart(folded, marks);
  if (marker) {
    info.part = marker.part;
    info.partOf = marker.partOf;
    let stem = rest.slice(0, marker.start).replace(TRAILING_SEPARATORS, '').trim();
    // A marker that opens the title leaves no stem; the text after it names the topic.
    if (stem === '')
      stem = rest
        .slice(marker.end)
        .replace(/^[\s\-–—:：]+/u, '')
        .trim();
    info.seriesStem = stem === '' ? null : stem;
  }
  return info;
}

/** Numeric comparison of lecture numbers: [3] < [3, 1] < [3, 2] < [4] < [10]. */
export function compareLecture(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] ?? 0,
      y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
