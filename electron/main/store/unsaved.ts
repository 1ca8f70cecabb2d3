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

/** A watched mark and its removal, as one part. */
export function watchedSlot(src: SlotSource, videoId: string): Slot {
  return pairSlot(src, videoId, 'watched', 'unwatched');
}

/** A note and its tombstone, as one part: a save changes one or the other. */
export function noteSlot(src: SlotSource, videoId: string): Slot {
  return pairSlot(src, videoId, 'notes', 'deletedNotes');
}

type Paired = 'watched' | 'unwatched' | 'notes' | 'deletedNotes';

/** `videoId`'s entry in two records that never both hold it (a thing and its removal). */
function pairSlot(src: SlotSource, videoId: string, a: Paired, b: Paired): Slot {
  const rec = (k: Paired) => src.data()[k] as Record<string, unknown>;
  const put = (k: Paired, v: unknown) => {
    if (v === undefined) delete rec(k)[videoId];
    else rec(k)[videoId] = v;
    src.encoder[k].touch(videoId, rec(k) as never);
  };
  return {
    get: () => [rec(a)[videoId], rec(b)[videoId]],
    set: (v) => {
      const [x, y] = v as [unknown, unknown];
      put(a, x);
      put(b, y);
    },
  };
}

export function fieldSlot<K extends 'corrections' | 'prefs' | 'window'>(src: SlotSource, key: K): Slot {
  return { get: () => src.data()[key], set: (v) => (src.data()[key] = v as StoreData[K]) };
}
