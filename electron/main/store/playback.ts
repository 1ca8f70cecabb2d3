// The player's part of the data: the position to resume each lecture at, and the seconds
// played per day and lecture (the statistics' history). Copying, adding, merging and the
// undo slot for a failed write, as plain functions over the data.
import { dict, type PlaybackRecord, type StoreData, type WatchTime } from './schema';
import type { Slot, SlotSource } from './unsaved';

export function copyPlayback(src: Record<string, PlaybackRecord> | undefined): Record<string, PlaybackRecord> {
  const out = dict<PlaybackRecord>();
  for (const [id, p] of Object.entries(src ?? {}))
    if (id !== '__proto__') out[id] = { position: p.position, duration: p.duration, at: p.at };
  return out;
}

export function copyWatchTime(src: WatchTime | undefined): WatchTime {
  const out = dict<Record<string, number>>();
  for (const [day, perLecture] of Object.entries(src ?? {})) if (day !== '__proto__') out[day] = dict(perLecture);
  return out;
}

/**
 * `watchTime` with `seconds` more for `videoId` on `day`, as a new object: the old one stays
 * untouched, so a failed write can put it back whole.
 */
export function addWatchTime(watchTime: WatchTime, day: string, videoId: string, seconds: number): WatchTime {
  const out = dict(watchTime);
  const perLecture = dict(Object.hasOwn(watchTime, day) ? watchTime[day] : undefined);
  const had = Object.hasOwn(perLecture, videoId) ? perLecture[videoId]! : 0;
  // A day has 86,400 seconds; the file's shape refuses more.
  perLecture[videoId] = Math.min(86_400, Math.round((had + seconds) * 10) / 10);
  out[day] = perLecture;
  return out;
}

/** A lecture's position and the whole history, as one part: one report changes both. */
export function playbackSlot(src: SlotSource, videoId: string): Slot {
  return {
    get: () => {
      const d = src.data();
      return [Object.hasOwn(d.playback, videoId) ? d.playback[videoId] : undefined, d.watchTime];
    },
    set: (v) => {
      const [p, w] = v as [PlaybackRecord | undefined, WatchTime];
      const d = src.data();
      if (p === undefined) delete d.playback[videoId];
      else d.playback[videoId] = p;
      d.watchTime = w;
      src.encoder.playback.touch(videoId, d.playback);
    },
  };
}

/**
 * Merge a backup's player data into `data` in place; true when anything changed.
 * Positions: the newer report wins (where the student last was, on either computer).
 * History: per day and lecture the larger count, not the sum: merging the same backup
 * twice, or a backup of this very data, must not double the time watched. Two computers
 * playing the same lecture on the same day count as the longer of the two.
 */
export function mergePlayback(data: StoreData, incoming: StoreData): boolean {
  let changed = false;
  for (const [id, theirs] of Object.entries(incoming.playback)) {
    if (id === '__proto__') continue;
    const ours = Object.hasOwn(data.playback, id) ? data.playback[id] : undefined;
    if (!ours || theirs.at > ours.at) {
      data.playback[id] = { position: theirs.position, duration: theirs.duration, at: theirs.at };
      changed = true;
    }
  }
  let history: WatchTime | null = null;
  for (const [day, perLecture] of Object.entries(incoming.watchTime)) {
    if (day === '__proto__') continue;
    for (const [id, seconds] of Object.entries(perLecture)) {
      const cur = history ?? data.watchTime;
      const had = Object.hasOwn(cur, day) && Object.hasOwn(cur[day]!, id) ? cur[day]![id]! : 0;
      if (id === '__proto__' || seconds <= had) continue;
      history ??= copyWatchTime(data.watchTime);
      history[day] ??= dict();
      history[day][id] = seconds;
    }
  }
  if (history) {
    data.watchTime = history;
    changed = true;
  }
  return changed;
}
