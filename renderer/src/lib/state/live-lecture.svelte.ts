// The two facts about a lecture that change while the app runs (watched, has a note) as
// fine-grained state, so a toggle or an autosave updates one row and one course's progress
// instead of rebuilding a 10,000-entry library.
import type { CourseInfo, LectureInfo } from '../../../../electron/shared/contract';
import type { Progress } from '../../../../electron/shared/progress';

/** A LectureInfo whose `watched` and `hasNote` are reactive; every other field is as the service sent it. */
export function liveLecture(info: LectureInfo): LectureInfo {
  let watched = $state(info.watched);
  let hasNote = $state(info.hasNote);
  // When it was marked, for the statistics view.
  let watchedAt = $state(info.watchedAt ?? null);
  // Own enumerable accessors, so a spread or JSON copy still carries the current values.
  return {
    ...info,
    get watched() {
      return watched;
    },
    set watched(v: boolean) {
      watched = v;
    },
    get hasNote() {
      return hasNote;
    },
    set hasNote(v: boolean) {
      hasNote = v;
    },
    get watchedAt() {
      return watchedAt;
    },
    set watchedAt(v: number | null | undefined) {
      watchedAt = v ?? null;
    },
  };
}

/** One course's progress; it re-counts only when one of its own lectures changes. */
export function liveCourseProgress(course: CourseInfo, byId: ReadonlyMap<string, LectureInfo>): Progress {
  const lectures = course.lectures.map((id) => byId.get(id)).filter((l): l is LectureInfo => l !== undefined);
  const watched = $derived(lectures.reduce((n, l) => (l.watched ? n + 1 : n), 0));
  return {
    total: lectures.length,
    get watched() {
      return watched;
    },
  };
}
