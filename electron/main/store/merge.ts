// Merging a backup into the current data. No note text is ever dropped: when both
// sides changed a note since they last agreed, both texts are kept, marked.
import { performance } from 'node:perf_hooks';
import { localDateTime } from '../../shared/dates';
import type { MergeReport } from '../../shared/contract';
import { bumpClock, clockJoin, clockLeq, sameClock } from './clock';
import { copyPlayback, mergePlayback } from './playback';
import { copyMark, dict, highestSeq, type Clock, type DeletedNote, type NoteRecord, type StoreData, type WatchMark } from './schema';

export { clockJoin, clockLeq };

export type Origin = 'backup' | 'current';

/**
 * The conflict format: the newer text first, untouched, then a rule and a marker
 * saying where the older text came from and when it was edited. Exported so the
 * tests and any future "split conflict" tool agree on it.
 */
export function conflictText(newer: string, older: NoteRecord, olderFrom: Origin): string {
  const from = olderFrom === 'backup' ? 'merged from backup' : 'kept from this computer';
  return `${newer}\n\n---\n<!-- ${from} (edited ${localDateTime(older.updatedAt)}) -->\n${older.text}`;
}

// Used only as an early `continue`: past it the note exists and has text, which the predicate tells TypeScript.
// (\S finds what trim() keeps, without copying a long text.)
const blank = (n: NoteRecord | undefined): n is undefined => !n || !/\S/.test(n.text);

const copyNote = (n: NoteRecord, clock?: Clock): NoteRecord =>
  clock && Object.keys(clock).length ? { text: n.text, updatedAt: n.updatedAt, clock } : { text: n.text, updatedAt: n.updatedAt };

const copyTomb = (t: DeletedNote, clock: Clock): DeletedNote => ({ clock, deletedAt: t.deletedAt });

export interface MergeResult {
  data: StoreData;
  report: MergeReport;
  /** Anything differs from `current` (a clock may change without counting in the report). */
  changed: boolean;
}

/**
 * Merge `incoming` (an already migrated backup) into a copy of `current`.
 *
 * Notes: one side only → added; same text → nothing (the clocks are joined). When both
 * sides carry clocks: incoming ≤ current → current already contains that edit, kept;
 * current ≤ incoming → incoming descends from it and wins (updated); otherwise both
 * edited independently → conflict. Equal clocks with different texts cannot come from
 * one history (a data folder copied to a second computer shares its device id): conflict.
 * Without clocks on both sides (v1 files, files from before clocks) the texts decide:
 * the newer edit (ties go to current) wins when it already contains the older text —
 * the older being a prefix or an earlier merge's result — else conflict.
 * A conflict keeps both texts, marked (`conflictText`), under the joined clock bumped
 * by this device, so merging either side again finds it contained and changes nothing.
 *
 * Deleted notes (tombstones) take part as versions with no text. A note against a
 * tombstone: note clock ≤ tombstone → the deletion already saw it, it stays deleted (an
 * incoming note is not added; a current note is deleted, counted as deleted);
 * tombstone ≤ note → the note was written after the deletion and wins (an incoming note
 * is restored, counted as added); otherwise (or equal clocks) the note is kept, never the
 * deletion, under the joined clock bumped by this device: a conflict, as both sides
 * changed it. A note without a clock against a tombstone: an incoming note stays deleted
 * unless edited after the deletion; a current note is never deleted (no clock says the
 * deletion saw it). Tombstones on both sides join; an incoming tombstone of a note this
 * side never had is kept, so an older copy of the note merged later stays deleted.
 *
 * Watched marks and their removals (see mergeWatched). Player positions and history: see
 * mergePlayback. Corrections: union, the current side wins.
 * Prefs, window and the device id stay as they are: they describe this computer.
 */
export function mergeData(current: StoreData, incoming: StoreData): MergeResult {
  const steps = mergeSteps(current, incoming);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Entries merged between two checks of the clock in mergeDataSliced. */
const STEP = 128;

/**
 * mergeData a slice of about `sliceMs` at a time, with a turn of the event loop in between:
 * merging 10,000 notes holds a thread for hundreds of milliseconds, which no other request
 * may wait for. The result is the merge of `current` as it was when this started (its
 * records are copied first); the caller checks whether it changed meanwhile.
 */
export async function mergeDataSliced(current: StoreData, incoming: StoreData, sliceMs = 5): Promise<MergeResult> {
  const steps = mergeSteps(current, incoming);
  let until = performance.now() + sliceMs;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() < until) continue;
    await new Promise<void>((ok) => setImmediate(ok));
    until = performance.now() + sliceMs;
  }
}

/** The merge as steps: it yields every STEP entries, so a caller can pause it there. */
function* mergeSteps(current: StoreData, incoming: StoreData): Generator<void, MergeResult> {
  const dev = current.deviceId;
  let n = 0;
  const data: StoreData = {
    ...current,
    // Incoming clocks may carry this device's counter higher than ours (a data file put
    // back by hand): never reuse a number.
    deviceSeq: Math.max(current.deviceSeq, highestSeq(incoming, dev)),
    watched: dict(current.watched),
    unwatched: dict(current.unwatched),
    notes: dict(current.notes),
    deletedNotes: dict(current.deletedNotes),
    corrections: { moves: dict(current.corrections.moves), titles: dict(current.corrections.titles) },
    playback: copyPlayback(current.playback),
  };
  const report: MergeReport = { added: 0, updated: 0, deleted: 0, conflicts: 0, watched: 0 };
  let changed = data.deviceSeq !== current.deviceSeq;

  for (const [id, theirs] of Object.entries(incoming.notes)) {
    if (++n % STEP === 0) yield;
    if (id === '__proto__' || blank(theirs)) continue;
    const ours = data.notes[id];
    const tomb = data.deletedNotes[id];
    if (!ours && tomb) {
      // Deleted here: does the deletion already contain this version of the note?
      const deletedSawIt = theirs.clock ? clockLeq(theirs.clock, tomb.clock) : theirs.updatedAt <= tomb.deletedAt;
      const noteSawIt = !!theirs.clock && clockLeq(tomb.clock, theirs.clock);
      if (deletedSawIt && !noteSawIt) continue;
      delete data.deletedNotes[id];
      if (!theirs.clock) {
        data.notes[id] = copyNote(theirs);
        report.added++;
      } else if (noteSawIt && !deletedSawIt) {
        data.notes[id] = copyNote(theirs, dict(theirs.clock));
        report.added++;
      } else {
        // Edited there while deleted here: the text stays, and the joined, bumped clock
        // makes this outcome newer than both, so merging either side again changes nothing.
        data.notes[id] = copyNote(theirs, bumpClock(data, clockJoin(theirs.clock, tomb.clock)));
        report.conflicts++;
      }
      continue;
    }
    if (blank(ours)) {
      data.notes[id] = copyNote(theirs, theirs.clock && dict(theirs.clock));
      report.added++;
      continue;
    }
    const joined = clockJoin(ours.clock, theirs.clock);
    const keepOurs = () => {
      // Ours contains theirs: remember that in the clock, so a later merge knows it too.
      if (!sameClock(ours.clock ?? {}, joined)) {
        data.notes[id] = copyNote(ours, joined);
        changed = true;
      }
    };
    const takeTheirs = () => {
      data.notes[id] = copyNote(theirs, joined);
      report.updated++;
    };
    if (ours.text === theirs.text) {
      keepOurs();
      continue;
    }
    const theirsNewer = theirs.updatedAt > ours.updatedAt;
    if (ours.clock && theirs.clock) {
      const theirsContained = clockLeq(theirs.clock, ours.clock);
      const oursContained = clockLeq(ours.clock, theirs.clock);
      if (theirsContained && !oursContained) {
        keepOurs();
        continue;
      }
      if (oursContained && !theirsContained) {
        takeTheirs();
        continue;
      }
    } else {
      const [newer, older] = theirsNewer ? [theirs, ours] : [ours, theirs];
      if (newer.text.includes(older.text)) {
        if (theirsNewer) takeTheirs();
        else keepOurs();
        continue;
      }
    }
    const [newer, older] = theirsNewer ? [theirs, ours] : [ours, theirs];
    // The newest edit time stays: the text is no newer than its newest part.
    data.notes[id] = {
      text: conflictText(newer.text, older, theirsNewer ? 'current' : 'backup'),
      updatedAt: newer.updatedAt,
      clock: bumpClock(data, joined),
    };
    report.conflicts++;
  }

  for (const [id, theirs] of Object.entries(incoming.deletedNotes)) {
    if (++n % STEP === 0) yield;
    if (id === '__proto__') continue;
    const ours = data.notes[id];
    if (ours) {
      // Deleted there: only a note the deletion already saw goes. A note without a clock
      // cannot be shown to be seen, so it stays.
      if (!ours.clock) continue;
      const deletedSawIt = clockLeq(ours.clock, theirs.clock);
      const noteSawIt = clockLeq(theirs.clock, ours.clock);
      if (deletedSawIt && !noteSawIt) {
        delete data.notes[id];
        data.deletedNotes[id] = copyTomb(theirs, dict(theirs.clock));
        report.deleted++;
      } else if (!noteSawIt || deletedSawIt) {
        // Edited here while deleted there (or equal clocks): keep the text, as above.
        data.notes[id] = copyNote(ours, bumpClock(data, clockJoin(ours.clock, theirs.clock)));
        report.conflicts++;
      }
      continue;
    }
    const mine = data.deletedNotes[id];
    const joined = clockJoin(mine?.clock, theirs.clock);
    if (!mine || !sameClock(mine.clock, joined) || theirs.deletedAt > mine.deletedAt) {
      data.deletedNotes[id] = copyTomb(mine && mine.deletedAt > theirs.deletedAt ? mine : theirs, joined);
      changed = true;
    }
  }

  changed = (yield* mergeWatched(data, incoming, report)) || changed;
  changed = mergePlayback(data, incoming) || changed;

  for (const key of ['moves', 'titles'] as const) {
    for (const [k, v] of Object.entries(incoming.corrections[key])) {
      if (k !== '__proto__' && !Object.hasOwn(data.corrections[key], k)) {
        data.corrections[key][k] = v;
        changed = true;
      }
    }
  }
  changed ||= report.added + report.updated + report.deleted + report.conflicts + report.watched > 0;
  return { data, report, changed };
}

interface Version extends WatchMark {
  watched: boolean;
}

function versionOf(d: StoreData, id: string): Version | null {
  const on = Object.hasOwn(d.watched, id) ? d.watched[id] : undefined;
  if (on) return { watched: true, ...on };
  const off = Object.hasOwn(d.unwatched, id) ? d.unwatched[id] : undefined;
  if (off) return { watched: false, ...off };
  return null;
}

/**
 * Watched marks merge like a register: with clocks on both sides, the version that has
 * seen the other wins, so an older backup's mark does not undo a later "unwatch", and a
 * later unwatch elsewhere is taken. Concurrent versions, or marks without a clock (from
 * files before v3), go by time: the later change wins, ties keep this side. Two marks keep
 * the earliest time. The kept version gets both clocks joined, so merging again is no news.
 * Changes `data` in place; true when anything changed. New marks count in report.watched.
 */
function* mergeWatched(data: StoreData, incoming: StoreData, report: MergeReport): Generator<void, boolean> {
  let changed = false;
  const ids = new Set([...Object.keys(incoming.watched), ...Object.keys(incoming.unwatched)]);
  let n = 0;
  for (const id of ids) {
    if (++n % STEP === 0) yield;
    if (id === '__proto__') continue;
    const theirs = versionOf(incoming, id)!;
    const ours = versionOf(data, id);
    let win: Version;
    if (!ours) win = theirs;
    else if (ours.clock && theirs.clock && clockLeq(theirs.clock, ours.clock) !== clockLeq(ours.clock, theirs.clock)) {
      win = clockLeq(theirs.clock, ours.clock) ? ours : theirs;
    } else if (ours.watched === theirs.watched) {
      win = { ...ours, at: ours.watched ? Math.min(ours.at, theirs.at) : Math.max(ours.at, theirs.at) };
    } else {
      win = theirs.at > ours.at ? theirs : ours;
    }
    const clock = ours?.clock || theirs.clock ? clockJoin(ours?.clock, theirs.clock) : undefined;
    const next = copyMark({ at: win.at, clock });
    if (ours && ours.watched === win.watched && ours.at === next.at && sameClock(ours.clock, next.clock)) continue;
    if (win.watched) {
      if (!ours?.watched) report.watched++;
      data.watched[id] = next;
      delete data.unwatched[id];
    } else {
      // A removal needs a clock to be compared later; a clockless one starts at nothing.
      data.unwatched[id] = { at: next.at, clock: next.clock ?? dict() };
      delete data.watched[id];
    }
    changed = true;
  }
  return changed;
}
