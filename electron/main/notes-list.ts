// The notes view's list: every note on a lecture of the loaded catalog, newest edit first, with
// a one-line plain-text snippet. Pure: the service passes what it knows.
import type { NoteListItem } from '../shared/contract';
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
