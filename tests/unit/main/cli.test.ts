import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { main } from '../../../electron/main/cli';
import { CHANNEL_FIXTURES, catalogPage, ROOT, SEED } from '../helpers/fixtures';

// The documented shape of `--json`, checked strictly so an extra or missing field fails.
const Document = z
  .object({
    courses: z.array(
      z
        .object({
          id: z.string().min(1),
          title: z.string().min(1),
          kind: z.enum(['course', 'supplement', 'talk', 'other']),
          group: z.string().min(1),
          lectures: z.array(
            z
              .object({
                videoId: z.string().regex(/^[A-Za-z0-9_-]{11}$/),
                index: z.number().int().positive(),
                date: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/)
                  .nullable(),
                title: z.string().min(1),
                linkedVideoId: z
                  .string()
                  .regex(/^[A-Za-z0-9_-]{11}$/)
                  .nullable(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    warnings: z.array(z.object({ file: z.string(), line: z.number().int(), message: z.string() }).strict()),
  })
  .strict();

// The seed's courses in app order, other last: the same from the in-process and the spawned run.
const SEED_COURSES = [
  { id: 'tag:ml2021(englishversion)', title: 'ML 2021 (English version)' },
  { id: 'tag:機器學習2021', title: '機器學習2021' },
  { id: 'tag:機器學習2022', title: '機器學習 2022' },
  { id: 'tag:生成式ai', title: '生成式AI' },
  { id: 'other', title: 'Other videos' },
];

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('catalog CLI, in-process', () => {
  it('prints one JSON document with the courses in app order, other last', async () => {
    const { code, stdout, stderr } = await run([SEED, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.courses.map(({ id, title }) => ({ id, title }))).toEqual(SEED_COURSES);
    expect(doc.courses[0]?.lectures.map((l) => l.index)).toEqual([351, 352, 362, 361, 363, 360, 359, 368, 369]);
    expect(doc.courses[0]?.lectures[7]).toEqual({
      videoId: 'CB0a3aBwND8',
      index: 368,
      date: '2021-06-14',
      title: '[ML 2021 (English version)] Lecture 35: Network Compression (1/2)',
      linkedVideoId: 'utk3EnAUh-g', // 【機器學習2021】神經網路壓縮 (Network Compression) (一), also in the seed
    });
    expect(doc.courses.map((c) => [c.kind, c.group])).toEqual([
      ['course', '2021'],
      ['course', '2021'],
      ['course', '2022'],
      ['course', '2023'],
      ['other', 'Other'],
    ]);
    expect(doc.courses[0]?.lectures[0]?.date).toBeNull();
    expect(doc.courses.flatMap((c) => c.lectures)).toHaveLength(50);
    expect(doc.warnings).toEqual([]);
  });

  it('on the nine channel pages: every kind in the issue, each course in its year, the English and Chinese ML 2021 linked', async () => {
    const pages = readdirSync(CHANNEL_FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(CHANNEL_FIXTURES, f));
    const { code, stdout } = await run([...pages, '--json']);
    expect(code).toBe(0);
    const doc = Document.parse(JSON.parse(stdout));
    const byTitle = new Map(doc.courses.map((c) => [c.title, c]));
    const shelf = (title: string) => [byTitle.get(title)?.kind, byTitle.get(title)?.group];
    expect(shelf('Linear Algebra')).toEqual(['course', '2018']);
    expect(shelf('TA 補充課')).toEqual(['supplement', '2020']);
    expect(shelf('HW')).toEqual(['supplement', '2018']);
    expect(shelf('ICASSP 2020')).toEqual(['talk', '2020']);
    expect(shelf('Other videos')).toEqual(['other', 'Other']);
    // Each English lecture names its Chinese version, and that one names it back.
    const english = byTitle.get('ML 2021 (English version)')!.lectures;
    const linkOf = new Map(doc.courses.flatMap((c) => c.lectures).map((l) => [l.videoId, l.linkedVideoId]));
    expect(english.every((l) => l.linkedVideoId !== null && linkOf.get(l.linkedVideoId) === l.videoId)).toBe(true);
    expect(english).toHaveLength(36);
  });

  it('prints a readable playlist without --json', async () => {
    const { code, stdout } = await run([SEED]);
    expect(code).toBe(0);
    const headings = stdout.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    expect(headings).toEqual([
      'ML 2021 (English version)  (9 videos)',
      '機器學習2021  (10 videos)',
      '機器學習 2022  (13 videos)',
      '生成式AI  (13 videos)',
      'Other videos  (5 videos)',
    ]);
    expect(stdout).toContain('368  2021-06-14  [ML 2021 (English version)] Lecture 35: Network Compression (1/2)  [CB0a3aBwND8]');
  });

  it('reads several pages together, and reports their overlap as warnings', async () => {
    const { code, stdout } = await run([catalogPage('ytlee-07-index-updated.md'), SEED, '--json']);
    expect(code).toBe(0);
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.courses.flatMap((c) => c.lectures)).toHaveLength(50);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(doc.warnings.every((w) => w.line > 0)).toBe(true);
  });

  it('turns a bad file into warnings, not a crash', async () => {
    const bad = join(dir, 'bad.md');
    await writeFile(
      bad,
      '\uFEFFnot a catalog at all\r\n<details>\r\n<summary>7. [TA 補充課] cut off here</summary><br>\r\n<a href="https://www.youtube.com/watch?v=',
    );
    const { code, stdout } = await run(['--json', bad]);
    expect(code).toBe(0);
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.courses).toEqual([]);
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(doc.warnings[0]?.file).toBe(bad);
  });

  it('exits non-zero on a missing file with a clear message and nothing on stdout', async () => {
    const missing = join(dir, 'missing.md');
    const { code, stdout, stderr } = await run([SEED, missing, '--json']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(missing);
    expect(stderr).toMatch(/no such file/);
  });

  it('prints usage and fails without files or with an unknown option', async () => {
    const none = await run([]);
    expect(none.code).not.toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/usage/);
    const unknown = await run([SEED, '--yaml']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('--yaml');
  });

  it('prints usage on -h or --help, and reads the words after -- as files', async () => {
    for (const flag of ['-h', '--help']) {
      const help = await run([flag]);
      expect(help.code, flag).toBe(0);
      expect(help.stdout, flag).toMatch(/^usage/);
    }
    const after = await run(['--json', '--', SEED]);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).courses.length).toBeGreaterThan(0);
  });
});

describe('catalog CLI, spawned', () => {
  it('runs as a program and prints exactly one JSON document on stdout', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'electron/main/cli.ts', SEED, '--json'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    const doc = Document.parse(JSON.parse(stdout));
    expect(doc.courses.map(({ id, title }) => ({ id, title }))).toEqual(SEED_COURSES);
    expect(doc.courses.at(-1)!.lectures.map((l) => l.index)).toEqual([370, 371, 385, 386, 387]);
  });
});
