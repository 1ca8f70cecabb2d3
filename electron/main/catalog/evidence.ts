// Videos whose titles name no course, placed by evidence from the catalog around them.
// Each rule says what it trusts and shows where it applies; anything no rule claims
// stays in "Other videos". Pure: no node, no electron.
import { OTHER_COURSE_ID, addSpelling, type Draft, type DraftFor, type Item } from './drafts';
import { normaliseKey } from './titles';

export interface EvidenceRule {
  name: string;
  /** Why the evidence is strong enough, and where it does not apply. */
  why: string;
  /** Titles in upload order; the last one is placed (see tests/unit/catalog/courses.test.ts). */
  example: string[];
}

// Documentation table; attachByEvidence applies the rules in this order.
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  {
    name: 'series inside a named course',
    why: 'An untagged series uploaded between two lectures of one course named by a title prefix (`ML Lecture N`), with nothing else in between, belongs to that course. A tagged course marks every lecture with its tag, so an untagged series inside it stays apart.',
    example: ['ML Lecture 5: …', 'Review (Part I)', 'Review (Part II)', 'ML Lecture 8-1: …'],
  },
  {
    name: 'neighbouring uploads',
    why: 'An unmarked video whose nearest placed neighbours on both sides are lectures of the same prefix-named course joins it. Not for tagged courses: an untagged upload between 第16講 and 第17講 is a deliberate aside.',
    example: ['ML Lecture 8-1: …', 'Pointer Network', 'ML Lecture 3-2: …'],
  },
  {
    name: 'course named in parentheses',
    why: "A title that names a known course inside parentheses (`(線性代數 2022 課程補充)`) is that course's supplement.",
    example: ['[線性代數] 課程速覽', 'AlphaTensor: … (線性代數 2022 課程補充)'],
  },
  {
    name: 'shared upload date',
    why: "Three or more unplaced videos uploaded one after another on the same day, with no other video between them, are one event (a workshop's talks).",
    example: ['Audio Language Models - … [2024-12-14]', 'VoiceCraft: … [2024-12-14]', 'Future Directions … [2024-12-14]'],
  },
];

export const DATE_GROUP_PREFIX = 'date:';
const TAG_PREFIX = 'tag:';
/** Shortest course key a title may name in parentheses: `ML` alone is too common. */
const MIN_NAMED_KEY = 3;

/** The nearest placed video's course from position `p` in direction `step`, skipping `skip`. */
function neighbour(order: readonly Item[], p: number, step: 1 | -1, skip: Draft | null): Draft | null {
  for (let q = p + step; q >= 0 && q < order.length; q += step) {
    const d = order[q]!.home;
    if (d.id !== OTHER_COURSE_ID && d !== skip) return d;
  }
  return null;
}

const isOther = (item: Item) => item.home.id === OTHER_COURSE_ID;

/** Moves videos out of "other" (and series into named courses) by the rules above; sets `item.home`. */
export function attachByEvidence(items: readonly Item[], drafts: ReadonlyMap<string, Draft>, draftFor: DraftFor): void {
  const order = [...items].sort((a, b) => a.entry.index - b.entry.index);
  seriesInsideNamedCourses(order);
  neighbouringUploads(order);
  courseNamedInParentheses(order, drafts);
  sharedUploadDate(order, draftFor);
}

// 1. Series inside a named course.
function seriesInsideNamedCourses(order: readonly Item[]): void {
  const span = new Map<Draft, { lo: number; hi: number }>();
  order.forEach((item, p) => {
    if (item.home.by !== 'series') return;
    const s = span.get(item.home);
    if (s) s.hi = p;
    else span.set(item.home, { lo: p, hi: p });
  });
  for (const [d, { lo, hi }] of span) {
    let clean = true;
    for (let p = lo; p <= hi && clean; p++) clean = order[p]!.home === d || isOther(order[p]!);
    const before = neighbour(order, lo, -1, d);
    if (!clean || before === null || before !== neighbour(order, hi, 1, d) || before.by !== 'name') continue;
    for (let p = lo; p <= hi; p++) if (order[p]!.home === d) order[p]!.home = before;
  }
}

// 2. Neighbouring uploads. One pass each way: the placed course after every position is
// known beforehand (a move never changes what lies ahead), the one before is carried along.
function neighbouringUploads(order: readonly Item[]): void {
  const after: (Draft | null)[] = new Array<Draft | null>(order.length).fill(null);
  for (let p = order.length - 2; p >= 0; p--) {
    const next = order[p + 1]!;
    after[p] = isOther(next) ? after[p + 1]! : next.home;
  }
  let before: Draft | null = null;
  for (let p = 0; p < order.length; p++) {
    const item = order[p]!;
    if (isOther(item) && before !== null && before === after[p] && before.by === 'name') item.home = before;
    if (!isOther(item)) before = item.home;
  }
}

// 3. A course named in parentheses: the longest key wins (`線性代數2022` over `線性代數`).
// Keys by first character, longest first, so each position of a title is tried only
// against the keys that can start there.
function courseNamedInParentheses(order: readonly Item[], drafts: ReadonlyMap<string, Draft>): void {
  const byFirst = new Map<string, { d: Draft; key: string }[]>();
  for (const d of drafts.values()) {
    if ((d.by !== 'tag' && d.by !== 'name') || !d.id.startsWith(TAG_PREFIX)) continue;
    const key = d.id.slice(TAG_PREFIX.length);
    if ([...key].length < MIN_NAMED_KEY) continue;
    const first = key.charAt(0);
    const bucket = byFirst.get(first) ?? [];
    bucket.push({ d, key });
    byFirst.set(first, bucket);
  }
  if (byFirst.size === 0) return;
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  for (const item of order) {
    if (!isOther(item)) continue;
    const inner = item.entry.title.normalize('NFKC').match(/\(([^()]+)\)/gu);
    if (!inner) continue;
    const text = inner.map(normaliseKey).join('|');
    let hit: { d: Draft; key: string } | null = null;
    for (let i = 0; i < text.length; i++) {
      for (const c of byFirst.get(text.charAt(i)) ?? []) {
        if ((hit === null || c.key.length > hit.key.length) && text.startsWith(c.key, i)) hit = c;
      }
    }
    if (hit) item.home = hit.d;
  }
}

// 4. A shared upload date, uploads in a row.
function sharedUploadDate(order: readonly Item[], draftFor: DraftFor): void {
  for (let p = 0; p < order.length;) {
    const date = order[p]!.entry.date;
    let q = p;
    while (q < order.length && isOther(order[q]!) && date !== null && order[q]!.entry.date === date) q++;
    if (q - p >= 3) {
      const d = draftFor(DATE_GROUP_PREFIX + date, 'series', 'evidence');
      for (let r = p; r < q; r++) {
        addSpelling(d, `Talks of ${date}`, order[r]!.entry.index);
        order[r]!.home = d;
      }
    }
    p = Math.max(q, p + 1);
  }
}
