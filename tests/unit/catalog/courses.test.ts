import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OTHER_COURSE_ID, buildCourses, customCourseId } from '../../../electron/main/catalog/courses';
import { parseCatalog, parseCatalogs } from '../../../electron/main/catalog/parse';
import { CATEGORY_RULES, categoryOf } from '../../../electron/main/catalog/shelves';
import { parseTitle } from '../../../electron/main/catalog/titles';
import type { CatalogEntry, Corrections, Course } from '../../../electron/shared/types';
import { EVIDENCE_RULES } from '../../../electron/main/catalog/evidence';
import { nth } from '../helpers/nth';
import { catalogPage, SEED } from '../helpers/fixtures';
import { expectOrdered } from '../helpers/course-order';

const PAGES = ['ytlee-06-index.md', 'ytlee-07-index-updated.md', 'ytlee-08-index.md'].map(catalogPage);

function readSeed(): CatalogEntry[] {
  return parseCatalog(readFileSync(SEED, 'utf8'), SEED).entries;
}

function readAll(): CatalogEntry[] {
  return parseCatalogs([...PAGES, SEED].map((file) => ({ file, text: readFileSync(file, 'utf8') }))).entries;
}

/** Courses as `{ id, title, kind, indexes }`, which reads like the tables. */
function byIndex(courses: Course[], entries: CatalogEntry[]) {
  const index = new Map(entries.map((e) => [e.videoId, e.index]));
  return courses.map((c) => ({ id: c.id, title: c.title, kind: c.kind, indexes: c.lectures.map((v) => index.get(v)) }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// Invented entries: the video id is derived from the index so tests can name them.
function vid(index: number): string {
  return `v${String(index).padStart(10, '0')}`;
}
function entry(index: number, title: string): CatalogEntry {
  return { index, date: null, title, videoId: vid(index), summary: '', line: index };
}
function titlesOf(courses: Course[], entries: CatalogEntry[]): Record<string, string[]> {
  const title = new Map(entries.map((e) => [e.videoId, e.title]));
  return Object.fromEntries(courses.map((c) => [c.id, c.lectures.map((v) => title.get(v)!)]));
}

describe('the seed (indexes 351–400)', () => {
  it('comes out as the issue table says, course by course and lecture by lecture', () => {
    const entries = readSeed();
    expect(entries).toHaveLength(50);
    expect(byIndex(buildCourses(entries), entries)).toEqual([
      {
        id: 'tag:ml2021(englishversion)',
        title: 'ML 2021 (English version)',
        kind: 'course',
        indexes: [351, 352, 362, 361, 363, 360, 359, 368, 369],
      },
      { id: 'tag:機器學習2021', title: '機器學習2021', kind: 'course', indexes: [353, 354, 355, 356, 357, 358, 364, 365, 366, 367] },
      { id: 'tag:機器學習2022', title: '機器學習 2022', kind: 'course', indexes: range(372, 384) },
      { id: 'tag:生成式ai', title: '生成式AI', kind: 'course', indexes: range(388, 400) },
      { id: OTHER_COURSE_ID, title: 'Other videos', kind: 'other', indexes: [370, 371, 385, 386, 387] },
    ]);
  });

  it('does not depend on the order entries arrive in', () => {
    const entries = readSeed();
    const shuffled = [...entries].reverse();
    expect(buildCourses(shuffled)).toEqual(buildCourses(entries));
  });

  it('reverses the course order for newest first, keeping other videos last', () => {
    const ids = buildCourses(readSeed(), { newestFirst: true }).map((c) => c.id);
    expect(ids).toEqual(['tag:生成式ai', 'tag:機器學習2022', 'tag:機器學習2021', 'tag:ml2021(englishversion)', OTHER_COURSE_ID]);
  });
});

describe('the three fixture pages and the seed, parsed together', () => {
  const entries = readAll();
  const courses = buildCourses(entries);
  const info = new Map(entries.map((e) => [e.videoId, parseTitle(e.title)]));

  it('places every video once, every numbered course and series in order', () => {
    expectOrdered(courses, entries, { strictParts: true });
  });

  it('finds the courses of pages 06, 07 and 08 in order of first upload, other last', () => {
    expect(courses.map((c) => [c.id, c.title])).toEqual([
      ['tag:機器學習2021', '機器學習2021'],
      ['tag:ml2021(englishversion)', 'ML 2021 (English version)'],
      ['tag:機器學習2022', '機器學習 2022'],
      ['tag:生成式ai', '生成式AI'],
      ['tag:機器學習2023', '機器學習2023'],
      ['tag:生成式ai2023', '生成式AI 2023'],
      ['tag:生成式ai導論2024', '生成式AI導論 2024'],
      ['tag:活動宣傳', '活動宣傳'],
      // 442–446: five untagged talks uploaded in a row on 2024-12-14 (evidence: shared date)
      ['date:2024-12-14', 'Talks of 2024-12-14'],
      ['tag:生成式ai時代下的機器學習(2025)', '生成式AI時代下的機器學習(2025)'],
      [OTHER_COURSE_ID, 'Other videos'],
    ]);
  });

  it('orders page 06: a series at its first upload, parts by Chinese numeral; English lectures by number', () => {
    const got = Object.fromEntries(byIndex(courses, entries).map((c) => [c.id, c.indexes]));
    expect(got['tag:機器學習2021']).toEqual([
      302,
      301,
      311, // 類神經網路訓練不起來怎麼辦 (三)(四)(五), placed at 301
      303,
      313, // 自注意力機制 (上)(下)
      304,
      312,
      314,
      315,
      316,
      324,
      325,
      326,
      327,
      328,
      333,
      334,
      336,
      335,
      341,
      342,
      346,
      345,
      347,
      348,
      353,
      354,
      355, // RL (一)…(五) across two pages
      356,
      357,
      358,
      364,
      365,
      366,
      367,
    ]);
    const english = nth(courses, 1).lectures.map((v) => info.get(v)!.lecture![0]);
    expect(english).toEqual(range(3, 36)); // lectures 1–2 are on an earlier page
  });

  it('orders page 08: (2/2) uploaded before (1/2), 第N講 by number, one-day talks together, asides in other', () => {
    const got = Object.fromEntries(byIndex(courses, entries).map((c) => [c.id, c.indexes]));
    expect(got['tag:生成式ai']).toEqual(range(388, 412));
    expect(got['tag:機器學習2023']).toEqual([414, 413]);
    expect(got['tag:生成式ai2023']).toEqual(range(415, 419));
    const intro = courses.find((c) => c.id === 'tag:生成式ai導論2024')!;
    expect(intro.lectures.map((v) => info.get(v)!.lecture![0])).toEqual(range(0, 18));
    expect(got['tag:生成式ai時代下的機器學習(2025)']).toEqual([447, 448]);
    expect(got['date:2024-12-14']).toEqual(range(442, 446));
    // 439 sits between 第16講 and 第17講 but carries no tag: a tagged course tags every lecture.
    expect(got[OTHER_COURSE_ID]).toEqual([370, 371, 385, 386, 387, 420, 439]);
  });
});

describe('titles in upload order → courses, each in study order', () => {
  // [what it shows, titles (uploaded 1, 2, 3, …), every course as [id, its upload numbers in course order]]
  const cases: [rule: string, titles: string[], courses: [id: string, indexes: number[]][]][] = [
    [
      'Lecture 10 after 9, ML Lecture 3-2 after 3-1',
      [
        '[Course] Lecture 10: ten',
        '[Course] Lecture 9: nine',
        '[Course] Lecture 1: one',
        'ML Lecture 3-2: Gradient Descent (Demo by AOE)',
        'ML Lecture 4: Classification',
        'ML Lecture 3-1: Gradient Descent',
        'ML Lecture 3: Gradient Descent overview',
      ],
      [
        ['tag:course', [3, 2, 1]],
        ['tag:ml', [7, 6, 4, 5]],
      ],
    ],
    [
      'Roman parts, (上)(中)(下), (part k) and - Part k by value',
      [
        '[C] Topic (Part X)',
        '[C] Topic (Part IV)',
        '[C] Topic (Part IX)',
        '[C] Topic (Part I)',
        '[C] 主題 (下)',
        '[C] 主題 (上)',
        '[C] 主題 (中)',
        '[C] Other - Part 2',
        '[C] Other - Part 1',
        '[C] Third (part 10)',
        '[C] Third (part 2)',
      ],
      [['tag:c', [4, 2, 3, 1, 6, 7, 5, 9, 8, 11, 10]]],
    ],
    [
      'unnumbered videos stay where they were uploaded among numbered ones',
      ['[C] Course intro', '[C] Lecture 2: two', '[C] Lecture 1: one', '[C] Guest talk', '[C] Lecture 3: three'],
      [['tag:c', [1, 3, 2, 4, 5]]],
    ],
    [
      'untagged parts of one topic are a series; a lone part stays in other',
      ['Some Topic (2/3): middle', 'A lone talk (1/2)', 'Some Topic (1/3): start', 'Unrelated talk', 'Some  Topic (3/3)'],
      [
        ['series:sometopic', [3, 1, 5]],
        [OTHER_COURSE_ID, [2, 4]],
      ],
    ],
    [
      'a name from a shared-trust rule needs two videos',
      ['Top 10: reasons to study', 'HW1 (presented by 甲)', 'Graph Theory 1: Basics'],
      [[OTHER_COURSE_ID, [1, 2, 3]]],
    ],
    [
      'neighbouring uploads: an unmarked video between lectures of one prefix-named course joins it',
      ['Optics Lecture 1: Light', 'Guest talk on lasers', 'Optics Lecture 2: Lenses', 'Unrelated video'],
      [
        ['tag:optics', [1, 2, 3]],
        [OTHER_COURSE_ID, [4]],
      ],
    ],
    [
      'neighbouring uploads: not inside a tagged course, whose tag marks every lecture',
      ['[Optics] Lecture 1: Light', 'Guest talk on lasers', '[Optics] Lecture 2: Lenses'],
      [
        ['tag:optics', [1, 3]],
        [OTHER_COURSE_ID, [2]],
      ],
    ],
    [
      'series inside a named course: the parts join it and stay together',
      ['Optics Lecture 1: Light', 'Lab (part 2)', 'Lab notes', 'Lab (part 1)', 'Optics Lecture 2: Lenses'],
      [['tag:optics', [1, 4, 2, 3, 5]]],
    ],
    [
      'course named in parentheses: a supplement joins the course it names',
      ['[微積分] 第一講', '[微積分] 第二講', 'Taylor series in practice (微積分 課程補充)'],
      [['tag:微積分', [1, 2, 3]]],
    ],
    [
      'a year in parentheses separates two runs: HWn (year)',
      ['HW2 (2030): b', 'HW1 (2031): c', 'HW1 (2030): a', 'HW2 (2031): d'],
      [
        ['tag:hw(2030)', [3, 1]],
        ['tag:hw(2031)', [2, 4]],
      ],
    ],
    [
      'a year in parentheses separates two runs: untagged 第N講 (year), a course only when shared',
      ['第二講 (2030)：b', '第一講 (2031)：c', '第一講 (2030)：a', '第二講 (2031)：d', '第九講：alone'],
      [
        ['tag:第n講(2030)', [3, 1]],
        ['tag:第n講(2031)', [2, 4]],
        [OTHER_COURSE_ID, [5]],
      ],
    ],
  ];
  it.each(cases)('%s', (_rule, titles, expected) => {
    const entries = titles.map((t, i) => entry(i + 1, t));
    expect(byIndex(buildCourses(entries), entries).map((c) => [c.id, c.indexes])).toEqual(expected);
  });
});

describe('number order', () => {
  it('orders Chinese numerals by value: 十 after 九, 十二 after 十一, and 第十講 after 第九講', () => {
    const parts = ['十二', '二', '十', '九', '一', '十一'];
    const chapters = ['第十講', '第二講', '第九講', '第一講'];
    const entries = [
      ...parts.map((p, i) => entry(i + 1, `【課】主題 (${p}) - 內容`)),
      ...chapters.map((c, i) => entry(i + 20, `【另一課】${c}：內容`)),
    ];
    expect(titlesOf(buildCourses(entries), entries)).toEqual({
      'tag:課': ['一', '二', '九', '十', '十一', '十二'].map((p) => `【課】主題 (${p}) - 內容`),
      'tag:另一課': ['第一講', '第二講', '第九講', '第十講'].map((c) => `【另一課】${c}：內容`),
    });
  });
});

describe('untagged families', () => {
  it('splits runs of GAN Lecture N by year into two courses', () => {
    const entries = [
      entry(1, 'GAN Lecture 2 (2017): Conditional Generation'),
      entry(2, 'GAN Lecture 1 (2017): Introduction'),
      entry(3, 'GAN Lecture 4 (2018): Basic Theory'),
      entry(4, 'GAN Lecture 1 (2018): Introduction'),
    ];
    const courses = buildCourses(entries);
    expect(courses.map((c) => [c.id, c.title, c.kind])).toEqual([
      ['tag:gan(2017)', 'GAN (2017)', 'course'],
      ['tag:gan(2018)', 'GAN (2018)', 'course'],
    ]);
    expect(courses.map((c) => c.lectures)).toEqual([
      [vid(2), vid(1)],
      [vid(4), vid(3)],
    ]);
  });

  it('names a series by its stem as first spelt, of kind series', () => {
    const entries = ['Some Topic (2/3): middle', 'Some  Topic (3/3)'].map((t, i) => entry(i + 1, t));
    expect(buildCourses(entries).map((c) => [c.title, c.kind])).toEqual([['Some Topic', 'series']]);
  });

  it('returns no courses for no entries', () => {
    expect(buildCourses([])).toEqual([]);
  });
});

describe('invented families in every numbering style', () => {
  // One course per style, uploads shuffled; each must come out as one course in number order.
  const families: [style: string, titles: string[], id: string][] = [
    [
      '<Name> Lecture N (year), two runs',
      ['Optics Lecture 2 (2031): Lenses', 'Optics Lecture 1 (2031): Light', 'Optics Lecture 10 (2031): Lasers'],
      'tag:optics(2031)',
    ],
    [
      '<Name> N-M:',
      ['Signal Processing 2-1: Filters', 'Signal Processing 1-2: Sampling', 'Signal Processing 1-1: Signals'],
      'tag:signalprocessing',
    ],
    ['<Name> N: shared', ['Graph Theory 3: Matchings', 'Graph Theory 1: Basics', 'Graph Theory 2: Trees'], 'tag:graphtheory'],
    ['HWn', ['HW2 (presented by 甲)', 'HW10 (presented by 乙)', 'HW1 (presented by 丙)'], 'tag:hw'],
    ['<Name> #N', ['Paper Reading #2: BERT', 'Paper Reading #1: Attention', 'Paper Reading #11: Scaling'], 'tag:paperreading'],
    ['第N講 / 第一講 under a tag', ['【微積分】第三講：積分', '【微積分】第一講：極限', '【微積分】第2講：微分'], 'tag:微積分'],
    ['第N课 (simplified) under a tag', ['【概率论】第十课 回顾', '【概率论】第二课 随机变量', '【概率论】第一课 概率'], 'tag:概率论'],
    ['(k/n) untagged', ['Compilers (2/3)', 'Compilers (1/3)', 'Compilers (3/3)'], 'series:compilers'],
    ['(一)…(十二) untagged', ['資料結構 (十二)', '資料結構 (二)', '資料結構 (一)'], 'series:資料結構'],
    ['(上)(中)(下) untagged', ['作業系統 (下)', '作業系統 (上)', '作業系統 (中)'], 'series:作業系統'],
    ['(Part II) untagged', ['Databases (Part III)', 'Databases (Part I)', 'Databases (Part II)'], 'series:databases'],
    ['- Part N untagged', ['Networking - Part 2', 'Networking - Part 10', 'Networking - Part 1'], 'series:networking'],
    ['#N untagged, not a name', ['語音模型的新進展 #2', '語音模型的新進展 #1'], 'series:語音模型的新進展'],
  ];
  it.each(families)('%s', (_style, titles, id) => {
    const entries = titles.map((t, i) => entry(i + 1, t));
    const courses = buildCourses(entries);
    expect(courses.map((c) => c.id)).toEqual([id]);
    const values = nth(courses, 0).lectures.map((v) => {
      const t = parseTitle(entries.find((e) => e.videoId === v)!.title);
      return t.lecture ? t.lecture.join('-') : t.part;
    });
    expect(values).toEqual([...values].sort((a, b) => String(a).localeCompare(String(b), 'en', { numeric: true })));
  });
});

describe('evidence for untagged videos (EVIDENCE_RULES)', () => {
  // The documentation table's own examples: every title of each lands in a course, none in Other.
  // A `[YYYY-MM-DD]` suffix in an example stands for the catalog entry's upload date.
  it.each(EVIDENCE_RULES.map((r) => [r.name, r] as const))('%s: its example is placed', (_name, rule) => {
    const entries = rule.example.map((t, i) => {
      const date = /\[(\d{4}-\d\d-\d\d)\]$/.exec(t)?.[1] ?? null;
      return { ...entry(i + 1, t.replace(/ \[\d{4}-\d\d-\d\d\]$/, '').replace(/…/g, 'topic ' + (i + 1))), date };
    });
    const courses = buildCourses(entries);
    const other = courses.find((c) => c.id === OTHER_COURSE_ID)?.lectures ?? [];
    expect(entries.filter((e) => other.includes(e.videoId)).map((e) => e.title)).toEqual([]);
  });

  it('shared upload date: three or more in a row on one day are one event; two are not', () => {
    const dated = (i: number, t: string, date: string): CatalogEntry => ({ ...entry(i, t), date });
    const entries = [
      dated(1, 'Talk A - Speaker A (Uni)', '2030-01-01'),
      dated(2, 'Talk B - Speaker B (Lab)', '2030-01-01'),
      dated(3, 'Talk C - Speaker C (Co)', '2030-01-01'),
      dated(4, 'Talk D', '2030-02-02'),
      dated(5, 'Talk E', '2030-02-02'),
    ];
    const courses = buildCourses(entries);
    expect(courses.map((c) => [c.id, c.title, c.category, c.group, c.lectures.length])).toEqual([
      ['date:2030-01-01', 'Talks of 2030-01-01', 'talk', '2030', 3],
      [OTHER_COURSE_ID, 'Other videos', 'other', 'Other', 2],
    ]);
  });
});

describe('categories and groups', () => {
  it.each(CATEGORY_RULES.flatMap((r) => r.examples.map(([course, lecture]) => [r.category, course, lecture] as const)))(
    '%s: %s',
    (category, course, lecture) => {
      expect(categoryOf(course, [lecture])).toBe(category);
    },
  );

  it('takes the year a course names, else its first dated upload, else the dated upload before it', () => {
    const dated = (i: number, t: string, date: string | null): CatalogEntry => ({ ...entry(i, t), date });
    const entries = [
      dated(1, '【課程2031】第一講', '2029-05-01'),
      dated(2, '【課程2031】第二講', null),
      dated(3, 'Optics Lecture 1', null),
      dated(4, 'Optics Lecture 2', '2030-03-03'),
      dated(5, 'Acoustics Lecture 1', null),
      dated(6, 'Acoustics Lecture 2', null),
      dated(7, 'Later', '2032-01-01'),
    ];
    expect(buildCourses(entries).map((c) => [c.id, c.group])).toEqual([
      ['tag:課程2031', '2031'],
      ['tag:optics', '2030'],
      ['tag:acoustics', '2030'],
      [OTHER_COURSE_ID, 'Other'],
    ]);
  });
});

describe('corrections', () => {
  const entries = readSeed();
  const idOf = (index: number) => entries.find((e) => e.index === index)!.videoId;
  const ids = (courses: Course[]) => courses.map((c) => c.id);
  const get = (courses: Course[], id: string) => courses.find((c) => c.id === id)!;
  const build = (corrections: Corrections) => byIndex(buildCourses(entries, { corrections }), entries);

  it('moves a lecture into an existing course, placed by the same ordering rules', () => {
    // SUPERB (370) joins 機器學習2022: unnumbered, so by upload, ahead of 372.
    // Lecture 27 (351) joins 機器學習2021: numbered, so it takes a numbered slot there.
    const got = build({ moves: { [idOf(370)]: 'tag:機器學習2022', [idOf(351)]: 'tag:機器學習2021' }, titles: {} });
    const find = (id: string) => got.find((c) => c.id === id)!.indexes;
    expect(find('tag:機器學習2022')).toEqual([370, ...range(372, 384)]);
    expect(find('tag:機器學習2021')).toEqual([351, 353, 354, 355, 356, 357, 358, 364, 365, 366, 367]);
    expect(find('tag:ml2021(englishversion)')).not.toContain(351);
    expect(find(OTHER_COURSE_ID)).toEqual([371, 385, 386, 387]);
  });

  it('creates a custom course from a move and a title, ordered by its first upload', () => {
    const mine = customCourseId('ChatGPT 專題');
    const got = build({ moves: { [idOf(387)]: mine, [idOf(388)]: mine, [idOf(386)]: mine }, titles: { [mine]: 'ChatGPT 專題' } });
    expect(got.map((c) => c.id)).toEqual([
      'tag:ml2021(englishversion)',
      'tag:機器學習2021',
      'tag:機器學習2022',
      mine,
      'tag:生成式ai',
      OTHER_COURSE_ID,
    ]);
    expect(got[3]).toEqual({ id: mine, title: 'ChatGPT 專題', kind: 'custom', indexes: [386, 387, 388] });
  });

  it('renames any course, heuristic or other', () => {
    const courses = buildCourses(entries, {
      corrections: { moves: {}, titles: { 'tag:生成式ai': '生成式AI (2023 春)', [OTHER_COURSE_ID]: '雜項' } },
    });
    expect(get(courses, 'tag:生成式ai').title).toBe('生成式AI (2023 春)');
    expect(get(courses, OTHER_COURSE_ID).title).toBe('雜項');
  });

  it('drops a course left empty by moves', () => {
    const moves = Object.fromEntries(range(388, 400).map((i) => [idOf(i), 'tag:機器學習2022']));
    const courses = buildCourses(entries, { corrections: { moves, titles: {} } });
    expect(ids(courses)).not.toContain('tag:生成式ai');
    expect(get(courses, 'tag:機器學習2022').lectures).toHaveLength(13 + 13);
  });

  it('ignores moves to unknown ids with no title, and moves of unknown videos', () => {
    const plain = buildCourses(entries);
    const corrected = buildCourses(entries, {
      corrections: { moves: { [idOf(370)]: 'custom:nobody-named-this', xxxxxxxxxxx: 'tag:生成式ai' }, titles: {} },
    });
    expect(corrected).toEqual(plain);
  });

  it('resets to the heuristics with empty corrections', () => {
    expect(buildCourses(entries, { corrections: { moves: {}, titles: {} } })).toEqual(buildCourses(entries));
  });

  it('survives a later catalog edition: moves are keyed by video id', () => {
    const mine = customCourseId('Self-supervised');
    const corrections: Corrections = {
      moves: { [idOf(370)]: mine, [idOf(371)]: mine },
      titles: { [mine]: 'Self-supervised' },
    };
    const later = readAll(); // the seed's videos again, with more dates and two more pages
    const courses = buildCourses(later, { corrections });
    expect(get(courses, mine)).toEqual({
      id: mine,
      title: 'Self-supervised',
      kind: 'custom',
      category: 'course',
      group: '2021',
      lectures: [idOf(370), idOf(371)],
    });
    expect(get(courses, OTHER_COURSE_ID).lectures).not.toContain(idOf(370));
  });

  it('gives custom courses stable ids from their titles', () => {
    expect(customCourseId('My Course')).toBe(customCourseId('My Course'));
    expect(customCourseId('My Course')).toMatch(/^custom:my-course-[0-9a-z]+$/);
    expect(customCourseId('我的課')).toMatch(/^custom:[0-9a-z]+$/);
    expect(customCourseId('我的課')).not.toBe(customCourseId('你的課'));
  });
});
