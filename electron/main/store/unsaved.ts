// Changes made in memory but not yet on disk, part by part, so a failed write can put
// back exactly what it carried: memory never keeps what the disk refused, and a later
// write cannot carry a change whose save was answered with an error.

import type { DataEncoder } from './encode';
import type { StoreData } from './schema';

/** One part of the data a change replaces, read and put back as a whole value. */
export interface Slot {
  get(): unknown;
  set(value: unknown): void;
}

interface Entry {
  /** The part's value as on disk. */
  durable: unknown;
  /** Changes of this part waiting for (or in) a write. */
  pending: number;
  slot: Slot;
}

export class UnsavedChanges {
  readonly #parts = new Map<string, Entry>();

  /** Call just before changing `key`'s part in memory. */
  begin(key: string, slot: Slot): void {
    let e = this.#parts.get(key);
    if (!e) this.#parts.set(key, (e = { durable: slot.get(), pending: 0, slot }));
    e.pending++;
  }

  /** A write of these keys' changes starts: take their values now, with the bytes. */
  snapshot(keys: readonly string[]): { written(): void; failed(): number } {
    const entries = keys.map((k) => [k, this.#parts.get(k)!] as const);
    const values = entries.map(([, e]) => e.slot.get());
    return {
      written: () => {
        entries.forEach(([k, e], i) => {
          e.durable = values[i];
          if (--e.pending === 0) this.#parts.delete(k);
        });
      },
      /** Undo; a part that a later change waits to write keeps that later value. Returns how many parts were put back. */
      failed: () => {
        let undone = 0;
        for (const [k, e] of entries) {
          if (--e.pending > 0) continue;
          this.#parts.delete(k);
          e.slot.set(e.durable);
          undone++;
        }
        return undone;
      },
    };
  }

  /** Keys with changes not yet on disk. */
  keys(): string[] {
    return [...this.#parts.keys()];
  }
}

/** Where the slots below find the data (it is replaced by restore and merge) and its encoder. */
export interface SlotSource {
  data(): StoreData;
  encoder: DataEncoder;
}

export function watchedSlot(src: SlotSource, videoId: string): Slot {
  return {
    get: () => (Object.hasOwn(src.data().watched, videoId) ? src.data().watched[videoId] : undefined),
    set: (v) => {
      const { watched } = src.data();
      if (v === undefined) delete watched[videoId];
      else watched[videoId] = v as StoreData['watched'][string];
      src.encoder.watched.touch(videoId, watched);
    },
  };
}

/** A note and its tombstone, as one part: a save changes one or the other. */
export function noteSlot(src: SlotSource, videoId: string): Slot {
  const put = <T>(rec: Record<string, T>, v: T | undefined) => {
    if (v === undefined) delete rec[videoId];
    else rec[videoId] = v;
  };
  return {
    get: () => [src.data().notes[videoId], src.data().deletedNotes[videoId]],
    set: (v) => {
      const [note, tomb] = v as [StoreData['notes'][string] | undefined, StoreData['deletedNotes'][string] | undefined];
      const { notes, deletedNotes } = src.data();
      put(notes, note);
      put(deletedNotes, tomb);
      src.encoder.notes.touch(videoId, notes);
      src.encoder.deletedNotes.touch(videoId, deletedNotes);
    },
  };
}

export function fieldSlot<K extends 'corrections' | 'prefs' | 'window'>(src: SlotSource, key: K): Slot {
  return { get: () => src.data()[key], set: (v) => (src.data()[key] = v as StoreData[K]) };
}
