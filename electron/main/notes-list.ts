// The notes view's list: every note on a lecture of the loaded catalog, newest edit first, with
// a one-line plain-text snippet; and the lectures a notes export writes. Pure: the service
// passes what it knows.
import { VIDEO_ID, type NoteListItem } from '../shared/contract';
import type { ExportLecture } from './export';
import type { CatalogEntry, Course } from '../shared/types';
import { plainText } from './search/snippet';

const SNIPPET_CHARS = 140;

export function listNotes(
  notes: Readonly<Record<string, { text: string; updatedAt: number }>>,
  byId: ReadonlyMap<string, CatalogEntry>,
  courseOf: ReadonlyMap<string, Course>,
): NoteListItem[] {
  const items: NoteListItem[] = [];
  for (const [videoId, n] of Object.entries(notes)) {
    const entry = byId.get(videoId);
    if (!entry) continue;
    const course = courseOf.get(videoId);
    const flat = plainText(n.text).replace(/\s+/g, ' ').trim();
    items.push({
      videoId,
      title: entry.title,
      courseId: course?.id ?? 'other',
      courseTitle: course?.title ?? '',
      snippet: flat.length > SNIPPET_CHARS ? flat.slice(0, SNIPPET_CHARS) + '…' : flat,
      updatedAt: n.updatedAt,
    });
  }
  return items.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * The lectures a notes export writes: one, or every note newest first, including notes on
 * lectures the loaded catalog lacks (they are still the student's).
 */
export function notesToExport(
  notes: Readonly<Record<string, { text: string; updatedAt: number }>>,
  ids: string[] | 'all',
  byId: ReadonlyMap<string, CatalogEntry>,
  courseOf: ReadonlyMap<string, Course>,
): ExportLecture[] {
  const chosen =
    ids !== 'all'
      ? ids
      : // A key that is not a video id (from a backup imported before imports were checked)
        // has no lecture or link to export under: left out rather than failing the export.
        Object.entries(notes)
          .filter(([id]) => VIDEO_ID.test(id))
          .sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
          .map(([id]) => id);
  return chosen.map((id) => ({
    entry: byId.get(id) ?? { index: 0, date: null, title: `Lecture not in the loaded catalog (${id})`, videoId: id, summary: '', line: 0 },
    courseTitle: courseOf.get(id)?.title ?? '',
    note: notes[id]?.text ?? '',
  }));
}
