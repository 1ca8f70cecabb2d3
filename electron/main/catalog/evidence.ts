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
    why: 'A title that names a known course inside parentheses (`(線性代數 2022 課程補充)`) is that course\'s supplement.',
    example: ['[線性代數] 課程速覽', 'AlphaTensor: … (線性代數 2022 課程補充)'],
  },
  {
    name: 'shared upload date',
    why: 'Three or more unplaced videos uploaded one after another on the same day, with no other video between them, are one event (a workshop\'s talks).',
    example: ['Audio Language Models - … [2024-12-14]', 'VoiceCraft: … [2024-12-14]', 'Future Directions … [2024-12-14]'],
  },
];

export const DATE_GROUP_PREFIX = 'date:';
const TAG_PREFIX = 'tag:';
/** Shortest course key a title may name in parentheses: `ML` alone is too common. */
const MIN_NAMED_KEY = 3;

export function attachByEvidence(
  items: readonly Item[],
  drafts: Map<string, Draft>,
  home: Map<string, string>,
  draftFor: DraftFor,
): void {
  const order = [...items].sort((a, b) => a.entry.index - b.entry.index);
  /** The entry at position p of the upload order; every caller stays inside 0..order.length-1. */
  const entryAt = (p: number) => {
    const item = order[p];
    if (!item) throw new RangeError(`no upload at position ${p}`);
    return item.entry;
  };
  const at = (p: number) => home.get(entryAt(p).videoId)!;
  const isOther = (p: number) => at(p) === OTHER_COURSE_ID;
  const byName = (id: string | null) => id !== null && drafts.get(id)?.by === 'name';
  const move = (p: number, d: Draft) => home.set(entryAt(p).videoId, d.id);
  /** The nearest placed video from `p` in direction `step`, skipping videos of `skip`. */
  const neighbour = (p: number, step: 1 | -1, skip: string | null): string | null => {
    for (let q = p + step; q >= 0 && q < order.length; q += step) {
      const id = at(q);
      if (id !== OTHER_COURSE_ID && id !== skip) return id;
    }
    return null;
  };

  // 1. Series inside a named course.
  const span = new Map<string, { lo: number; hi: number }>();
  order.forEach((_, p) => {
    const id = at(p);
    if (drafts.get(id)?.by !== 'series') return;
    const s = span.get(id);
    if (s) s.hi = p;
    else span.set(id, { lo: p, hi: p });
  });
  for (const [id, { lo, hi }] of span) {
    let clean = true;
    for (let p = lo; p <= hi && clean; p++) clean = at(p) === id || isOther(p);
    const before = neighbour(lo, -1, id);
    if (!clean || before === null || before !== neighbour(hi, 1, id) || !byName(before)) continue;
    const into = drafts.get(before)!;
    for (let p = lo; p <= hi; p++) if (at(p) === id) move(p, into);
  }

  // 2. Neighbouring uploads.
  for (let p = 0; p < order.length; p++) {
    if (!isOther(p)) continue;
    const before = neighbour(p, -1, null);
    if (before !== null && before === neighbour(p, 1, null) && byName(before)) move(p, drafts.get(before)!);
  }

  // 3. A course named in parentheses: the longest key wins (`線性代數2022` over `線性代數`).
  // Keys by first character, longest first, so each position of a title is tried only
  // against the keys that can start there.
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
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  for (let p = 0; p < order.length && byFirst.size > 0; p++) {
    if (!isOther(p)) continue;
    const inner = entryAt(p).title.normalize('NFKC').match(/\(([^()]+)\)/gu);
    if (!inner) continue;
    const text = inner.map(normaliseKey).join('|');
    let hit: { d: Draft; key: string } | null = null;
    for (let i = 0; i < text.length; i++) {
      for (const c of byFirst.get(text.charAt(i)) ?? []) {
        if ((hit === null || c.key.length > hit.key.length) && text.startsWith(c.key, i)) hit = c;
      }
    }
    if (hit) move(p, hit.d);
  }

  // 4. A shared upload date, uploads in a row.
  for (let p = 0; p < order.length; ) {
    const date = entryAt(p).date;
    let q = p;
    while (q < order.length && isOther(q) && date !== null && entryAt(q).date === date) q++;
    if (q - p >= 3) {
      const d = draftFor(DATE_GROUP_PREFIX + date, 'series', 'evidence');
      for (let r = p; r < q; r++) {
        addSpelling(d, `Talks of ${date}`, entryAt(r).index);
        home.set(entryAt(r).videoId, d.id);
      }
    }
    p = Math.max(q, p + 1);
  }
}
