// Merging a backup into the current data. No note text is ever dropped: when the
// two sides differ and neither contains the other, both texts are kept, marked.
import type { MergeReport } from '../../shared/contract';
import { dict, type NoteRecord, type StoreData } from './schema';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local "YYYY-MM-DD HH:MM", as the student would read a clock. */
export function formatStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type Origin = 'backup' | 'current';

/**
 * The conflict format: the newer text first, untouched, then a rule and a marker
 * saying where the older text came from and when it was edited. Exported so the
 * tests and any future "split conflict" tool agree on it.
 */
export function conflictText(newer: string, older: NoteRecord, olderFrom: Origin): string {
  const from = olderFrom === 'backup' ? 'merged from backup' : 'kept from this computer';
  return `${newer}\n\n---\n<!-- ${from} (edited ${formatStamp(older.updatedAt)}) -->\n${older.text}`;
}

const blank = (n: NoteRecord | undefined) => !n || n.text.trim() === '';

/**
 * Merge `incoming` (an already migrated backup) into a copy of `current`.
 * Notes: one side only → added; same text → nothing; otherwise the newer edit
 * (ties go to the current side) wins when it already contains the older text —
 * the older being a prefix or an earlier merge's result — else both are kept.
 * Watched: union with the earliest mark. Corrections: union, the current side wins.
 * Prefs and window stay as they are: they describe this computer.
 */
export function mergeData(current: StoreData, incoming: StoreData): { data: StoreData; report: MergeReport } {
  const data: StoreData = {
    ...current,
    watched: dict(current.watched),
    notes: dict(current.notes),
    corrections: { moves: dict(current.corrections.moves), titles: dict(current.corrections.titles) },
  };
  const report: MergeReport = { added: 0, updated: 0, conflicts: 0, watched: 0 };

  for (const [id, theirs] of Object.entries(incoming.notes)) {
    if (id === '__proto__' || blank(theirs)) continue;
    const ours = data.notes[id];
    if (blank(ours)) {
      data.notes[id] = { text: theirs.text, updatedAt: theirs.updatedAt };
      report.added++;
      continue;
    }
    if (ours.text === theirs.text) continue;
    const theirsNewer = theirs.updatedAt > ours.updatedAt;
    const [newer, older] = theirsNewer ? [theirs, ours] : [ours, theirs];
    if (newer.text.includes(older.text)) {
      if (theirsNewer) {
        data.notes[id] = { text: theirs.text, updatedAt: theirs.updatedAt };
        report.updated++;
      }
      continue;
    }
    // The newest edit time stays: merging the same backup again then finds its text
    // inside ours and changes nothing.
    data.notes[id] = { text: conflictText(newer.text, older, theirsNewer ? 'current' : 'backup'), updatedAt: newer.updatedAt };
    report.conflicts++;
  }

  for (const [id, at] of Object.entries(incoming.watched)) {
    if (id === '__proto__') continue;
    const mine = data.watched[id];
    if (mine === undefined) {
      data.watched[id] = at;
      report.watched++;
    } else if (at < mine) {
      data.watched[id] = at;
    }
  }

  for (const key of ['moves', 'titles'] as const) {
    for (const [k, v] of Object.entries(incoming.corrections[key])) {
      if (k !== '__proto__' && !Object.hasOwn(data.corrections[key], k)) data.corrections[key][k] = v;
    }
  }
  return { data, report };
}
