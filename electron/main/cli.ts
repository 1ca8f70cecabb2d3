// `npm run catalog -- FILE... [--json]`: the course-ordered playlist the app would
// show for these catalog pages, as text or as one JSON document. `main` takes its
// streams as arguments so tests run it in-process; the guard at the bottom runs it
// when this file is the entry point.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CatalogEntry, CatalogWarning, CourseCategory } from '../shared/types';
import { buildCourses } from './catalog/courses';
import { parseCatalogs } from './catalog/parse';
import { linkVersions } from './catalog/versions';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface CliLecture {
  videoId: string;
  index: number;
  date: string | null;
  title: string;
  /** The same lecture in the other language (中文版 / English version), or null. */
  linkedVideoId: string | null;
}

export interface CliCourse {
  id: string;
  title: string;
  /**
   * What the course is, in the sidebar's vocabulary (CourseCategory): `course`, `supplement`
   * (TA supplement), `talk` (conference or talk) or `other`.
   */
  kind: CourseCategory;
  /** The sidebar group: the year it was taught, `Undated`, or `Other`. */
  group: string;
  lectures: CliLecture[];
}

export interface CliDocument {
  courses: CliCourse[];
  warnings: CatalogWarning[];
}

const USAGE = 'usage: npm run catalog -- FILE... [--json]\n';

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (e) {
    io.stderr.write(`catalog: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const files = parsed.positionals;
  const json = parsed.values.json === true;
  if (files.length === 0) {
    io.stderr.write(USAGE);
    return 2;
  }

  // Read every file before printing anything: a missing file means no output at
  // all, so a script never consumes half a playlist.
  const pages: { text: string; file: string }[] = [];
  for (const file of files) {
    try {
      pages.push({ file, text: await readFile(file, 'utf8') });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err);
      io.stderr.write(`catalog: cannot read ${file}: ${why}\n`);
      return 1;
    }
  }

  const { entries, warnings } = parseCatalogs(pages);
  const doc = toDocument(entries, warnings);
  if (json) {
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout.write(toText(doc));
    for (const w of warnings) io.stderr.write(`${w.file}:${w.line}: ${w.message}\n`);
  }
  return 0;
}

export function toDocument(entries: CatalogEntry[], warnings: CatalogWarning[]): CliDocument {
  const byId = new Map(entries.map((e) => [e.videoId, e]));
  const courses = buildCourses(entries);
  const linked = linkVersions(entries, courses);
  return {
    courses: courses.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.category,
      group: c.group,
      lectures: c.lectures.map((v) => {
        const e = byId.get(v)!;
        return { videoId: e.videoId, index: e.index, date: e.date, title: e.title, linkedVideoId: linked.get(v) ?? null };
      }),
    })),
    warnings: warnings.map(({ file, line, message }) => ({ file, line, message })),
  };
}

function toText(doc: CliDocument): string {
  const lines: string[] = [];
  for (const course of doc.courses) {
    const n = course.lectures.length;
    lines.push(`${course.title}  (${n} ${n === 1 ? 'video' : 'videos'})`);
    for (const l of course.lectures) {
      lines.push(`  ${String(l.index).padStart(5)}  ${l.date ?? '          '}  ${l.title}  [${l.videoId}]`);
    }
    lines.push('');
  }
  if (doc.courses.length === 0) lines.push('(no entries)', '');
  return lines.join('\n');
}

function isEntryPoint(): boolean {
  // Inside Electron this module is bundled into main, which calls `main` itself.
  if (process.versions.electron) return false;
  const script = process.argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  main(process.argv.slice(2), process).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`catalog: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
