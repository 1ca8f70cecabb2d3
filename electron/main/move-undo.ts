// Undo for a bulk move: what the move replaced in the student's corrections, put back in one
// correction. Kept by the service for the last move only; any later change to the corrections
// (another move, a rename, a reset, an import) makes it stale, and a stale undo is refused
// rather than laid over changes it never saw. Pure: no node, no electron.
import type { Corrections } from '../shared/types';

export interface MoveUndo {
  /** videoId → the course it was moved to before, or null when the heuristics placed it. */
  moves: Record<string, string | null>;
  /** course id → its title before, or null when the move named a new course. */
  titles: Record<string, string | null>;
  /** The corrections right after the move, as JSON: the undo holds only while they are unchanged. */
  after: string;
}

const previous = (record: Record<string, string>, key: string): string | null => (Object.hasOwn(record, key) ? record[key]! : null);

/** Moves `videoIds` to `target` in `c` (naming it `newTitle` when given); returns how to undo it once `after` is known. */
export function applyMove(c: Corrections, videoIds: readonly string[], target: string, newTitle?: string): Omit<MoveUndo, 'after'> {
  const undo: Omit<MoveUndo, 'after'> = { moves: {}, titles: {} };
  if (newTitle !== undefined) {
    undo.titles[target] = previous(c.titles, target);
    c.titles[target] = newTitle;
  }
  for (const id of videoIds) {
    // A video listed twice keeps the value from before the move, not its own new one.
    if (!Object.hasOwn(undo.moves, id)) undo.moves[id] = previous(c.moves, id);
    c.moves[id] = target;
  }
  return undo;
}

/** True while `c` is exactly what the move left: nothing else has changed it since. */
export function undoHolds(undo: MoveUndo, c: Corrections): boolean {
  return JSON.stringify(c) === undo.after;
}

/** Puts back every correction the move replaced (and removes those it added). */
export function revertMove(c: Corrections, undo: MoveUndo): Corrections {
  for (const [id, was] of Object.entries(undo.moves)) {
    if (was === null) delete c.moves[id];
    else c.moves[id] = was;
  }
  for (const [id, was] of Object.entries(undo.titles)) {
    if (was === null) delete c.titles[id];
    else c.titles[id] = was;
  }
  return c;
}
