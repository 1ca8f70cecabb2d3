// Notes as Markdown files a student can keep outside the app: title, course, date,
// video link, the summary, then the note with its timestamps as full YouTube URLs.
import type { CatalogEntry } from '../shared/types';
import { youtubeWatchUrl } from '../shared/links';
import { linkTimestampsForExport } from '../shared/timestamps';

export interface ExportLecture {
  entry: CatalogEntry;
  courseTitle: string;
  note: string;
}

export function exportLectureMarkdown({ entry, courseTitle, note }: ExportLecture, headingLevel = 1): string {
  const h = '#'.repeat(headingLevel);
  const lines = [
    `${h} ${entry.title}`,
    '',
    `- Course: ${courseTitle || 'other videos'}`,
    `- Date: ${entry.date ?? 'unknown'}`,
    `- Lecture: #${entry.index}`,
    `- Video: ${youtubeWatchUrl(entry.videoId)}`,
    '',
    `${h}# Summary`,
    '',
    entry.summary.trim() || '_No summary in the catalog._',
    '',
    `${h}# Notes`,
    '',
    note.trim() ? linkTimestampsForExport(note.trim(), entry.videoId) : '_No notes._',
    '',
  ];
  return lines.join('\n');
}

/** A file name that is safe on every OS and still says which lecture it is. */
export function exportFileName(entry: CatalogEntry): string {
  const slug = entry.title
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${String(entry.index).padStart(4, '0')}-${slug || entry.videoId}.md`;
}

export function exportNotesFiles(lectures: ExportLecture[], layout: 'single' | 'perLecture'): { name: string; content: string }[] {
  if (layout === 'perLecture') return lectures.map((l) => ({ name: exportFileName(l.entry), content: exportLectureMarkdown(l) }));
  const header = `# Lecture Companion notes\n\nExported ${new Date().toISOString()}, ${lectures.length} lecture(s).\n\n`;
  return [{ name: 'notes.md', content: header + lectures.map((l) => exportLectureMarkdown(l, 2)).join('\n---\n\n') }];
}
