// The course of lectures no course claims (id `other`) comes from the service titled
// "Other videos" in English. The page names it by id in the UI language, everywhere it shows
// it — unless the student renamed it, when their name stands.
import { afterEach, describe, expect, it, type Mock } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { groupCourses } from '../../../renderer/src/lib/course-groups';
import { courseName } from '../../../renderer/src/lib/course-name';
import { locale } from '../../../renderer/src/lib/i18n/locale.svelte';
import type { Api, CourseInfo, NoteListItem } from '../../../electron/shared/contract';
import { LibraryState } from '../../../renderer/src/lib/state/library.svelte';
import { Toasts } from '../../../renderer/src/lib/state/toasts.svelte';
import { fakeApi, vid } from './fake-api';

afterEach(() => {
  cleanup();
  delete window.api;
  locale.set('en');
});

const OTHER = '其他影片';
const courses = [
  { id: 'ml21', title: '機器學習2021', category: 'course', group: '2021', lectures: [vid(1)] },
  { id: 'other', title: 'Other videos', category: 'other', group: 'Other', lectures: [vid(2)] },
];
const note: NoteListItem = {
  videoId: vid(2),
  title: 'An aside',
  courseId: 'other',
  courseTitle: 'Other videos',
  snippet: 'x',
  updatedAt: 1,
};

function start() {
  const fake = fakeApi(
    courses,
    [
      { videoId: vid(1), index: 1, title: '【機器學習2021】自注意力機制', courseId: 'ml21', watched: true },
      { videoId: vid(2), index: 2, title: 'An aside', courseId: 'other' },
    ],
    { language: 'zh-TW', lastVideoId: vid(1) },
  );
  // The fake's own answers are empty lists; these carry the service's English course title.
  (fake.api.listNotes as Mock<Api['listNotes']>).mockResolvedValue([note]);
  (fake.api.search as Mock<Api['search']>).mockResolvedValue({
    hits: [
      {
        videoId: vid(2),
        title: 'An aside',
        courseId: 'other',
        courseTitle: 'Other videos',
        fields: ['title'],
        snippet: 'An aside',
        snippetField: 'title',
        highlights: [],
        score: 1,
      },
    ],
    ready: true,
  });
  window.api = fake.api;
  render(App);
  return fake;
}

/** No English name anywhere on the page, text or attribute. */
function noEnglishName() {
  expect(document.body.innerHTML).not.toContain('Other videos');
}

describe('"Other videos" in the zh-TW UI', () => {
  it('is named in Chinese in the sidebar, playlist, lecture, move dialog, search, notes and statistics', async () => {
    start();
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toBeInTheDocument());
    // Sidebar: the group heading and the course row.
    const row = document.querySelector<HTMLElement>('[data-testid=course-item][data-course-id=other]')!;
    expect(row).toHaveTextContent(OTHER);
    expect(screen.getAllByTestId('course-group').at(-1)).toHaveTextContent(OTHER);
    noEnglishName();

    // Move dialog's course list.
    await fireEvent.click(screen.getByTestId('move-lecture'));
    const select = within(screen.getByTestId('move-dialog')).getByTestId<HTMLSelectElement>('move-course-select');
    expect([...select.options].map((o) => o.textContent?.trim())).toEqual([OTHER]);
    noEnglishName();
    await fireEvent.keyDown(screen.getByTestId('move-dialog'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('move-dialog')).toBeNull());

    // Playlist heading and the lecture pane's course.
    await fireEvent.click(row);
    await waitFor(() => expect(screen.getByTestId('playlist-heading')).toHaveTextContent(OTHER));
    await fireEvent.click(screen.getAllByTestId('lecture-row')[0]!);
    await waitFor(() => expect(screen.getByTestId('lecture-course')).toHaveTextContent(OTHER));
    noEnglishName();

    // Search: the course filter and a hit's course.
    await fireEvent.keyDown(document.body, { key: '/' });
    const palette = await screen.findByTestId('search-palette');
    const filter = within(palette).getAllByRole('combobox')[1] as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent?.trim())).toContain(OTHER);
    await fireEvent.input(within(palette).getAllByRole('combobox')[0]!, { target: { value: 'aside' } });
    const hit = await screen.findByTestId('search-result');
    expect(hit.querySelector('.search-result-course')).toHaveTextContent(OTHER);
    noEnglishName();
    await fireEvent.keyDown(palette, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('search-palette')).toBeNull());

    // Notes view, then statistics.
    await fireEvent.keyDown(document.body, { key: '2' });
    const item = await screen.findByTestId('notes-item');
    expect(item).toHaveTextContent(OTHER);
    noEnglishName();
    await fireEvent.keyDown(document.body, { key: '3' });
    const perCourse = await screen.findByTestId('stats-per-course');
    expect(perCourse.querySelector('[data-course-id=other]')).toHaveTextContent(OTHER);
    noEnglishName();
  });
});

describe('Next up going back to it', () => {
  it('names it in Chinese in the wrap-around message', async () => {
    locale.set('zh-TW');
    const fake = fakeApi(
      [courses[1]!, courses[0]!],
      [
        { videoId: vid(1), index: 1, title: '【機器學習2021】自注意力機制', courseId: 'ml21', watched: true },
        { videoId: vid(2), index: 2, title: 'An aside', courseId: 'other' },
      ],
      { language: 'zh-TW', lastCourseId: 'ml21' },
    );
    const toasts = new Toasts();
    const lib = new LibraryState(fake.api, toasts);
    await lib.load();
    expect(lib.goNextUp()).toBe(vid(2));
    expect(toasts.items.at(-1)!.message).toContain(OTHER);
    expect(toasts.items.at(-1)!.message).not.toContain('Other videos');
  });
});

describe('courseName', () => {
  const other: CourseInfo = {
    id: 'other',
    title: 'Other videos',
    kind: 'other',
    category: 'other',
    group: 'Other',
    lectures: [],
    corrected: false,
  };

  it('names the other course in the UI language by id, and keeps every other title and a rename as they are', () => {
    locale.set('zh-TW');
    expect(courseName(other)).toBe(OTHER);
    expect(courseName({ ...other, title: 'Misc', corrected: true })).toBe('Misc');
    expect(courseName({ ...other, id: 'ml21', title: 'Other videos' })).toBe('Other videos'); // by id, not by title
    locale.set('en');
    expect(courseName(other)).toBe('Other videos');
  });

  it('groups the sidebar by it, and its filter finds the shown name', () => {
    locale.set('zh-TW');
    const labels = { category: () => '課程', group: (g: string) => g, course: courseName };
    const groups = groupCourses([other], new Map(), '', labels);
    expect(groups.map((g) => g.label)).toEqual([OTHER]);
    expect(groupCourses([other], new Map(), '其他', labels)).toHaveLength(1);
  });
});
