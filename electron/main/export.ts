// Notes as Markdown files a student can keep outside the app: title, course, date,
// video link, the summary, then the note with its timestamps as full YouTube URLs.
import type { CatalogEntry } from '../shared/types';
import { ApiError, type Download, type ExportResult } from '../shared/contract';
import type { Host } from './host';
import { youtubeWatchUrl } from '../shared/links';
import { linkTimestampsForExport } from './export-timestamps';

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

function exportNotesFiles(lectures: ExportLecture[], layout: 'single' | 'perLecture'): { name: string; content: string }[] {
  if (layout === 'perLecture') return lectures.map((l) => ({ name: exportFileName(l.entry), content: exportLectureMarkdown(l) }));
  const header = `# Lecture Companion notes\n\nExported ${new Date().toISOString()}, ${lectures.length} lecture(s).\n\n`;
  return [{ name: 'notes.md', content: header + lectures.map((l) => exportLectureMarkdown(l, 2)).join('\n---\n\n') }];
}

/** What one export produces: its files, and the folder they go in when there are several. */
export interface ExportPlan {
  files: Download[];
  /** Name of the folder a one-file-per-lecture export asks for; null for a single file. */
  folder: string | null;
}

/** The files of a notes export, every name carrying `stamp` so no export replaces another. */
export function planNotesExport(
  lectures: ExportLecture[],
  opts: { scope: 'one' | 'all'; layout: 'single' | 'perLecture'; stamp: string },
): ExportPlan {
  const [first] = lectures;
  if (!first) throw new ApiError('There are no notes to export yet', 'not-found', { key: 'noNotes' });
  if (opts.layout === 'perLecture' && lectures.length > 1) {
    return {
      files: exportNotesFiles(lectures, 'perLecture').map((f) => ({ ...f, type: 'text/markdown' })),
      folder: `lecture-companion-notes-${opts.stamp}`,
    };
  }
  const one = opts.scope === 'one';
  const content = one
    ? exportLectureMarkdown(first)
    : exportNotesFiles(lectures, 'single')
        .map((f) => f.content)
        .join('');
  const name = one ? `${first.entry.index}-notes-${opts.stamp}.md` : `lecture-companion-notes-${opts.stamp}.md`;
  return { files: [{ name, content, type: 'text/markdown' }], folder: null };
}

export function planBackupExport(content: string, stamp: string): ExportPlan {
  return { files: [{ name: `lecture-companion-backup-${stamp}.json`, content, type: 'application/json' }], folder: null };
}

/** Hand a plan to the host: back to the page as downloads (browser mode), or where the student chooses. */
export async function deliverExport(host: Host, plan: ExportPlan): Promise<ExportResult> {
  if (host.exports === 'download') return { saved: [], downloads: plan.files };
  const [only] = plan.files;
  const target =
    plan.folder === null && only ? await host.chooseSavePath(only.name, 'file') : await host.chooseSavePath(plan.folder ?? '', 'directory');
  if (!target) return { saved: [], downloads: [] };
  const written =
    plan.folder === null && only
      ? [{ path: target, content: only.content }]
      : plan.files.map((f) => ({ path: `${target}/${f.name}`, content: f.content }));
  await host.writeFiles(written);
  return { saved: written.map((f) => f.path), downloads: [] };
}
