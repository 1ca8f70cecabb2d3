// Marking many lectures at once (a whole course, or the playlist's selection), with one
// undo for the last such mark. Each lecture is still its own optimistic setWatched, so a
// failure rolls back that lecture alone and says why.
import { t } from '../i18n/locale.svelte';
import { courseName } from '../course-name';
import type { LibraryState } from './library.svelte';

/** Where the mark was made: the undo is offered there. */
export type MarkSource = 'course' | 'selection';

export interface MarkUndo {
  message: string;
  source: MarkSource;
  /** Every lecture the mark changed (linked versions included) with its value before. */
  previous: [videoId: string, watched: boolean][];
}

export class WatchMarks {
  /** The last many-lecture mark, until undone or replaced. */
  undo = $state.raw<MarkUndo | null>(null);

  constructor(private readonly lib: LibraryState) {}

  /** Marks every lecture of a course watched or unwatched. */
  async setCourseWatched(courseId: string, watched: boolean): Promise<void> {
    const course = this.lib.courses.find((c) => c.id === courseId);
    if (course) await this.markMany(course.lectures, watched, 'course', courseName(course));
  }

  /**
   * Marks `ids` (and, with the linkedWatched setting, their other-language versions) and
   * remembers each changed lecture's value before, so `undoMark` puts exactly those back.
   */
  async markMany(ids: readonly string[], watched: boolean, source: MarkSource, course?: string): Promise<void> {
    const lib = this.lib;
    if (ids.length === 0 || lib.refuseReadonly()) return;
    const named = ids.filter((id) => lib.byId.get(id)?.watched === !watched);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local list of ids, never rendered
    const all = new Set(named);
    if (lib.prefs?.linkedWatched) {
      for (const id of ids) {
        const other = lib.byId.linkedOf(id);
        if (other && other.watched !== watched) all.add(other.videoId);
      }
    }
    const count = named.length;
    const extra = all.size - count;
    const key = course ? (watched ? 'lib.markedWatched' : 'lib.markedUnwatched') : watched ? 'marks.watched' : 'marks.unwatched';
    this.undo = {
      message: t(key, { count, course }) + (extra ? ' ' + t('marks.alsoLinked', { count: extra }) : ''),
      source,
      previous: [...all].map((id) => [id, !watched]),
    };
    await Promise.all([...all].map((id) => lib.setWatched(id, watched, { linked: false })));
  }

  async undoMark(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    this.undo = null;
    await Promise.all(undo.previous.map(([id, w]) => this.lib.setWatched(id, w, { linked: false })));
  }
}
