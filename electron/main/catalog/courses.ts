// Entries → courses in study order. The heuristics (titles.ts) propose a course
// for every video; the student's corrections, keyed by video id so they survive
// a new catalog edition, override them. Pure: no node, no electron.
import type { CatalogEntry, Corrections, Course, CourseCategory, CourseKind } from '../../shared/types';
import { OTHER_COURSE_ID, OTHER_COURSE_TITLE, addSpelling, type Draft, type Item } from './drafts';
import { attachByEvidence } from './evidence';
import { OTHER_GROUP, UploadYears, categoryOf, groupOf } from './shelves';
import { compareLecture, hasCourseTag, normaliseKey, parseTitle } from './titles';

export { OTHER_COURSE_ID, OTHER_COURSE_TITLE };

const TAG_PREFIX = 'tag:';
const SERIES_PREFIX = 'series:';
const CUSTOM_PREFIX = 'custom:';

// FNV-1a: short, stable and dependency-free; the id only has to be the same for
// the same title on every run, not secret.
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A stable id for a course the student creates: the same title always gives the same id. */
export function customCourseId(title: string): string {
  // The hash (of the spacing-blind key) makes it unique; the slug only makes it readable.
  const key = normaliseKey(title);
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40);
  return CUSTOM_PREFIX + (slug ? `${slug}-` : '') + fnv1a(key);
}

function draftTitle(draft: Draft): string {
  let best = '';
  let bestCount = 0;
  let bestFirst = Infinity;
  for (const [spelling, { count, first }] of draft.spellings) {
    if (count > bestCount || (count === bestCount && first < bestFirst)) {
      best = spelling;
      bestCount = count;
      bestFirst = first;
    }
  }
  return best;
}

function uniqueByVideo(entries: readonly CatalogEntry[]): readonly CatalogEntry[] {
  // The video id is the identity; a video listed twice keeps its first listing.
  // A parsed catalog is already unique, so the list is copied only when it is not.
  const seen = new Set<string>();
  for (const e of entries) seen.add(e.videoId);
  if (seen.size === entries.length) return entries;
  seen.clear();
  return entries.filter((e) => !seen.has(e.videoId) && seen.add(e.videoId));
}

/** The course each video belongs to by its title alone, and by the evidence around it. */
function heuristicCourses(entries: readonly CatalogEntry[]): { drafts: Map<string, Draft>; items: Item[] } {
  const infos = entries.map((e) => parseTitle(e.title));
  const stemKeys = infos.map((info) => (info.seriesStem === null ? null : normaliseKey(info.seriesStem)));
  // An untagged topic is a series only when two videos share it; a lone `(1/2)`
  // would otherwise become a one-video course. Names from shared-trust rules
  // (`Structured Learning 1:`, `HW3`) likewise need a second video.
  const untaggedStems = new Map<string, number>();
  const weakNames = new Map<string, number>();
  infos.forEach((info, i) => {
    const key = stemKeys[i];
    if (info.courseKey === null && key != null) {
      untaggedStems.set(key, (untaggedStems.get(key) ?? 0) + 1);
    }
    if (info.weakName && info.courseKey !== null) weakNames.set(info.courseKey, (weakNames.get(info.courseKey) ?? 0) + 1);
  });

  const drafts = new Map<string, Draft>();
  const draftFor = (id: string, kind: CourseKind, by: Draft['by']): Draft => {
    let d = drafts.get(id);
    if (!d) {
      d = { id, kind, by, spellings: new Map() };
      drafts.set(id, d);
    }
    return d;
  };

  // By key as well as by id: the keys are the cached strings normaliseKey hands out, so a
  // lookup needs no `tag:` + key string built (and hashed) per video.
  const byTag = new Map<string, Draft>();
  const bySeries = new Map<string, Draft>();
  const other = draftFor(OTHER_COURSE_ID, 'other', 'other');
  drafts.delete(OTHER_COURSE_ID); // re-added below when a video lands there, so the drafts keep first-use order

  const items = entries.map((entry, i): Item => {
    let info = infos[i]!;
    const stemKey = stemKeys[i] ?? null;
    if (info.weakName && info.courseKey !== null && (weakNames.get(info.courseKey) ?? 0) < 2) {
      // Alone, `Top 10: …` is a title, not lecture 10 of a course called Top.
      info = { ...info, courseKey: null, courseTitle: null, lecture: null, weakName: false };
    }
    let draft: Draft;
    if (info.courseKey !== null && info.courseTitle !== null) {
      const key = info.courseKey;
      // What named the course matters only to the first video that opens it.
      let d = byTag.get(key);
      if (!d) byTag.set(key, (d = draftFor(TAG_PREFIX + key, 'course', hasCourseTag(entry.title) ? 'tag' : 'name')));
      draft = d;
      addSpelling(draft, info.courseTitle, entry.index);
    } else if (info.seriesStem !== null && stemKey !== null && (untaggedStems.get(stemKey) ?? 0) >= 2) {
      let d = bySeries.get(stemKey);
      if (!d) bySeries.set(stemKey, (d = draftFor(SERIES_PREFIX + stemKey, 'series', 'series')));
      draft = d;
      addSpelling(draft, info.seriesStem, entry.index);
    } else {
      draft = other;
      if (!drafts.has(OTHER_COURSE_ID)) drafts.set(OTHER_COURSE_ID, other);
      addSpelling(draft, OTHER_COURSE_TITLE, entry.index);
    }
    return { entry, info, stemKey, home: draft };
  });
  attachByEvidence(items, drafts, draftFor);
  return { drafts, items };
}

interface Unit {
  items: Item[];
  first: number;
  lecture: number[] | null;
}

function minLecture(items: readonly Item[]): number[] | null {
  let best: number[] | null = null;
  for (const { info } of items) {
    if (info.lecture && (best === null || compareLecture(info.lecture, best) < 0)) best = info.lecture;
  }
  return best;
}

// A loop, not Math.min(...spread): "other videos" can hold thousands of entries.
function firstIndex(items: readonly Item[]): number {
  let first = Infinity;
  for (const { entry } of items) if (entry.index < first) first = entry.index;
  return first;
}

function compareParts(a: Item, b: Item): number {
  const pa = a.info.part ?? Infinity;
  const pb = b.info.part ?? Infinity;
  if (pa !== pb) return pa - pb;
  if (a.info.lecture && b.info.lecture) {
    const c = compareLecture(a.info.lecture, b.info.lecture);
    if (c !== 0) return c;
  }
  return a.entry.index - b.entry.index;
}

/**
 * Study order inside one course: the parts of a topic stay together in part
 * order; numbered lectures go by number; everything else keeps upload order.
 */
function orderLectures(items: readonly Item[]): Item[] {
  const byStem = new Map<string, Unit>();
  const units: Unit[] = [];
  for (const item of items) {
    const stem = item.info.part !== null ? item.stemKey : null;
    const existing = stem !== null ? byStem.get(stem) : undefined;
    if (existing) {
      existing.items.push(item);
      continue;
    }
    const unit: Unit = { items: [item], first: 0, lecture: null };
    units.push(unit);
    if (stem !== null) byStem.set(stem, unit);
  }
  for (const unit of units) {
    unit.items.sort(compareParts);
    unit.first = firstIndex(unit.items);
    unit.lecture = minLecture(unit.items);
  }
  units.sort((a, b) => a.first - b.first);

  // Numbered units take the slots numbered units held in upload order, sorted by
  // number, so an unnumbered video (an intro, a closing talk) stays where it was
  // uploaded relative to the lectures around it.
  const slots: number[] = [];
  const numbered: { unit: Unit; lecture: number[] }[] = [];
  units.forEach((u, i) => {
    if (u.lecture !== null) {
      slots.push(i);
      numbered.push({ unit: u, lecture: u.lecture });
    }
  });
  numbered.sort((a, b) => compareLecture(a.lecture, b.lecture) || a.unit.first - b.unit.first);
  slots.forEach((slot, k) => {
    const n = numbered[k];
    if (n) units[slot] = n.unit;
  });
  return units.flatMap((u) => u.items);
}

export interface BuildOptions {
  corrections?: Corrections;
  /** List courses newest first; "other videos" stays last either way. */
  newestFirst?: boolean;
}

export function buildCourses(entries: readonly CatalogEntry[], opts: BuildOptions = {}): Course[] {
  const { drafts, items } = heuristicCourses(uniqueByVideo(entries));
  const moves = opts.corrections?.moves ?? {};
  const titles = opts.corrections?.titles ?? {};

  // Where each video ends up: a move counts only when its target is a course the
  // heuristics made, "other", or a course the student named (a custom course).
  const heuristicIds = new Set(drafts.keys());
  const named = (id: string) => Object.hasOwn(titles, id) && (titles[id] ?? '').trim() !== '';
  const members = new Map<string, Item[]>();
  for (const item of items) {
    const id = item.entry.videoId;
    const target = Object.hasOwn(moves, id) ? moves[id] : undefined;
    const valid = target !== undefined && (heuristicIds.has(target) || target === OTHER_COURSE_ID || named(target));
    const courseId = valid ? target : item.home.id;
    let list = members.get(courseId);
    if (!list) members.set(courseId, (list = []));
    list.push(item);
  }

  const years = new UploadYears(items.map((i) => i.entry));
  const courses: { course: Course; first: number }[] = [];
  for (const [id, list] of members) {
    const draft = drafts.get(id);
    const kind: CourseKind = draft?.kind ?? (id === OTHER_COURSE_ID ? 'other' : 'custom');
    const heuristicTitle = draft ? draftTitle(draft) : id === OTHER_COURSE_ID ? OTHER_COURSE_TITLE : id;
    const title = (named(id) && titles[id]) || heuristicTitle;
    const ordered = orderLectures(list);
    const other = id === OTHER_COURSE_ID;
    const category: CourseCategory = other
      ? 'other'
      : categoryOf(
          title,
          list.map((i) => i.entry.title),
        );
    const group = other ? OTHER_GROUP : groupOf(list, years);
    courses.push({
      course: { id, title, kind, category, group, lectures: ordered.map((i) => i.entry.videoId) },
      first: firstIndex(list),
    });
  }

  const other = courses.filter((c) => c.course.id === OTHER_COURSE_ID);
  const rest = courses.filter((c) => c.course.id !== OTHER_COURSE_ID).sort((a, b) => a.first - b.first);
  if (opts.newestFirst) rest.reverse();
  return [...rest, ...other].map((c) => c.course);
}
