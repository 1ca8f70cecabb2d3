// An imported backup held to the limits the app's own API keeps: a note the editor could
// not have saved, a key that is not a video id (it would break "Export all" and could not
// be removed), an overlong title, or more entries than any student has, is left out, and
// the merge report says what and why. Checked on the parsed data, before merging.
import { MAX_NOTE_CHARS, VIDEO_ID } from '../../shared/contract';
import type { StoreData } from './schema';

/** The longest course title renameCourse accepts, and the longest course id. */
export const MAX_TITLE_CHARS = 200;
/** Per record (notes, watched marks, …): far above the catalog's ~10,000 lectures. */
export const MAX_IMPORT_ENTRIES = 100_000;

export interface Skipped {
  count: number;
  reasons: string[];
}

/** Remove what is over the limits from `data` in place; what was removed, or null. */
export function holdToLimits(data: StoreData): Skipped | null {
  const reasons = new Map<string, number>();
  const skip = (why: string) => reasons.set(why, (reasons.get(why) ?? 0) + 1);
  const prune = <T>(rec: Record<string, T>, what: string, bad: (key: string, v: T) => string | null) => {
    let kept = 0;
    for (const [key, value] of Object.entries(rec)) {
      const why = bad(key, value) ?? (kept >= MAX_IMPORT_ENTRIES ? `more than ${MAX_IMPORT_ENTRIES} ${what}` : null);
      if (why) {
        delete rec[key];
        skip(why);
      } else kept++;
    }
  };
  const badId = (what: string) => (key: string) => (VIDEO_ID.test(key) ? null : `${what} under a key that is not a video id`);
  prune(
    data.notes,
    'notes',
    (key, n) => badId('notes')(key) ?? (n.text.length > MAX_NOTE_CHARS ? `notes longer than ${MAX_NOTE_CHARS} characters` : null),
  );
  prune(data.deletedNotes, 'deleted notes', badId('deleted notes'));
  prune(data.watched, 'watched marks', badId('watched marks'));
  prune(data.unwatched, 'watched marks', badId('watched marks'));
  prune(data.playback, 'player positions', badId('player positions'));
  const long = (s: string) => s.length > MAX_TITLE_CHARS;
  prune(
    data.corrections.moves,
    'moved lectures',
    (key, to) => badId('moved lectures')(key) ?? (long(to) ? 'moves to an overlong course id' : null),
  );
  prune(data.corrections.titles, 'course titles', (key, title) =>
    long(key) ? 'titles of an overlong course id' : long(title) ? `course titles longer than ${MAX_TITLE_CHARS} characters` : null,
  );
  if (reasons.size === 0) return null;
  let count = 0;
  for (const n of reasons.values()) count += n;
  return { count, reasons: [...reasons].map(([why, n]) => `${n} ${why}`) };
}
