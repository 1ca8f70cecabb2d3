// The student's corrections to the course grouping: move lectures, rename a course, reset.
// Each answers with a new Library, which LibraryState takes in whole.
import { t } from '../i18n/locale.svelte';
import { courseName } from '../course-name';
import type { LibraryState, MoveTarget } from './library.svelte';

export class CourseCorrections {
  /** The last bulk move's note, offered with Undo until undone or another correction is made. */
  moveUndo = $state.raw<{ message: string } | null>(null);

  constructor(private readonly lib: LibraryState) {}

  /** One lecture: the view follows it to its new course, so the student sees where it went. */
  async moveLecture(videoId: string, target: MoveTarget): Promise<boolean> {
    if (!(await this.#apply(() => this.lib.api.moveLecture({ videoId, ...target }), 'Could not move the lecture'))) return false;
    const moved = this.lib.byId.get(videoId);
    if (moved) this.lib.selectedCourseId = moved.courseId;
    this.lib.cursorId = videoId;
    this.lib.requestReveal(videoId, 'center');
    return true;
  }

  /**
   * Several lectures in one call, so they all move or none do. The view stays on the course
   * they left (the student is sorting it); a note says where they went.
   */
  async moveLectures(videoIds: readonly string[], target: MoveTarget): Promise<boolean> {
    if (videoIds.length === 0) return false;
    if (!(await this.#apply(() => this.lib.api.moveLectures({ videoIds: [...videoIds], ...target }), t('bulk.moveFailed')))) return false;
    const to = this.lib.courses.find((c) => c.id === this.lib.byId.get(videoIds[0]!)?.courseId);
    const where = to ? courseName(to) : '';
    this.moveUndo = { message: t('bulk.moved', { count: videoIds.length, course: where }) };
    return true;
  }

  /** One step back: every lecture of the last bulk move returns to its course, in its place. */
  async undoMove(): Promise<boolean> {
    if (!this.moveUndo) return false;
    if (!(await this.#apply(() => this.lib.api.undoMoveLectures({}), t('bulk.undoFailed')))) return false;
    this.lib.toasts.push(t('bulk.moveUndone'), 'info');
    return true;
  }

  renameCourse(courseId: string, title: string): Promise<boolean> {
    return this.#apply(() => this.lib.api.renameCourse({ courseId, title }), 'Could not rename the course');
  }

  resetCorrections(): Promise<boolean> {
    return this.#apply(() => this.lib.api.resetCorrections({}), 'Could not reset corrections');
  }

  async #apply(call: () => ReturnType<LibraryState['api']['getLibrary']>, failure: string): Promise<boolean> {
    if (this.lib.refuseReadonly()) return false;
    // Any correction, this one included, replaces the state a bulk move's undo would restore.
    this.moveUndo = null;
    try {
      this.lib.applyLibrary(await call());
      return true;
    } catch (e) {
      this.lib.toasts.error(e, failure);
      return false;
    }
  }
}
