// The course sidebar: groups by year and category, collapsible, progress per group,
// a filter box, and every part reachable from the keyboard.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { groupCourses } from '../../../renderer/src/lib/course-groups';
import type { CourseInfo } from '../../../electron/shared/contract';
import { nth } from '../helpers/nth';
import { fakeApi, vid, type FakeLecture } from './fake-api';

afterEach(() => {
  cleanup();
  delete window.api;
});

const courses = [
  { id: 'ml21', title: '機器學習2021', category: 'course', group: '2021', lectures: [vid(1), vid(2)] },
  { id: 'ml21en', title: 'ML 2021 (English version)', category: 'course', group: '2021', lectures: [vid(3)] },
  { id: 'ta', title: 'TA 補充課', category: 'supplement', group: '2020', lectures: [vid(4)] },
  { id: 'icassp', title: 'ICASSP 2020', category: 'talk', group: '2020', lectures: [vid(5)] },
  { id: 'other', title: 'Other videos', category: 'other', group: 'Other', lectures: [vid(6)] },
] as const;
const lectures: FakeLecture[] = [
  { videoId: vid(1), index: 1, title: '【機器學習2021】自注意力機制 (上)', courseId: 'ml21', watched: true },
  { videoId: vid(2), index: 2, title: '【機器學習2021】自注意力機制 (下)', courseId: 'ml21' },
  { videoId: vid(3), index: 3, title: '[ML 2021 (English version)] Lecture 10: Self-attention (1/2)', courseId: 'ml21en', watched: true },
  { videoId: vid(4), index: 4, title: '[TA 補充課] Graph Neural Network (1/2)', courseId: 'ta' },
  { videoId: vid(5), index: 5, title: '[ICASSP 2020] Talk', courseId: 'icassp' },
  { videoId: vid(6), index: 6, title: 'An aside', courseId: 'other' },
];

async function start() {
  window.api = fakeApi(
    courses.map((c) => ({ ...c, lectures: [...c.lectures] })),
    lectures,
  ).api;
  render(App);
  await waitFor(() => expect(screen.getAllByTestId('course-group')).toHaveLength(4));
}
const groupLabels = () =>
  screen.getAllByTestId('course-group').map((g) => g.querySelector('.group-label')!.textContent!.replace(/[▾▸]/u, '').trim());
const courseIds = () => screen.queryAllByTestId('course-item').map((b) => b.dataset.courseId);
const group = (label: string) => screen.getAllByTestId('course-group').find((g) => g.textContent!.includes(label))!;

describe('course sidebar', () => {
  it('groups courses by year and category, in course order, with progress per group', async () => {
    await start();
    expect(groupLabels()).toEqual(['2021 · Courses', '2020 · TA supplements', '2020 · Conferences & talks', 'Other videos']);
    expect(within(group('2021 · Courses')).getByTestId('group-progress')).toHaveTextContent('2/3');
    expect(within(group('TA supplements')).getByTestId('group-progress')).toHaveTextContent('0/1');
    expect(courseIds()).toEqual(['ml21', 'ml21en', 'ta', 'icassp', 'other']);
  });

  it('collapses and expands a group, saying so to assistive technology', async () => {
    await start();
    const g = group('2021 · Courses');
    expect(g).toHaveAttribute('aria-expanded', 'true');
    await fireEvent.click(g);
    expect(group('2021 · Courses')).toHaveAttribute('aria-expanded', 'false');
    expect(courseIds()).toEqual(['ta', 'icassp', 'other']);
    await fireEvent.click(group('2021 · Courses'));
    expect(courseIds()).toEqual(['ml21', 'ml21en', 'ta', 'icassp', 'other']);
  });

  it('filters by course title or group, blind to spacing and case, and says when nothing matches', async () => {
    await start();
    const box = screen.getByTestId('course-filter');
    await fireEvent.input(box, { target: { value: 'ml 2021' } });
    expect(courseIds()).toEqual(['ml21en']);
    await fireEvent.input(box, { target: { value: '機器學習 2021' } });
    expect(courseIds()).toEqual(['ml21']);
    await fireEvent.input(box, { target: { value: 'talks' } });
    expect(groupLabels()).toEqual(['2020 · Conferences & talks']);
    await fireEvent.input(box, { target: { value: 'zzz' } });
    expect(screen.getByTestId('course-filter-empty')).toHaveTextContent('zzz');
    await fireEvent.keyDown(box, { key: 'Escape' });
    expect(courseIds()).toHaveLength(5);
  });

  it('shows a collapsed group’s matches while filtering', async () => {
    await start();
    await fireEvent.click(group('TA supplements'));
    expect(courseIds()).not.toContain('ta');
    await fireEvent.input(screen.getByTestId('course-filter'), { target: { value: '補充' } });
    expect(courseIds()).toEqual(['ta']);
  });

  it('is reachable by keyboard: filter → groups and courses by arrows, ←/→ fold a group, a press selects', async () => {
    await start();
    const box = screen.getByTestId('course-filter');
    box.focus();
    await fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(group('2021 · Courses'));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect((document.activeElement as HTMLElement).dataset.courseId).toBe('ml21');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(group('2021 · Courses')).toHaveAttribute('aria-expanded', 'false');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(group('TA supplements'));
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect((document.activeElement as HTMLElement).dataset.courseId).toBe('other');
    await fireEvent.click(document.activeElement!);
    await waitFor(() => expect(screen.getAllByTestId('lecture-row').map((r) => r.dataset.videoId)).toEqual([vid(6)]));
    // One tab stop into the list: the selected course.
    const stops = [...document.querySelectorAll('[data-nav]')].filter((el) => el.getAttribute('tabindex') === '0');
    expect(stops.map((el) => (el as HTMLElement).dataset.courseId)).toEqual(['other']);
  });
});

describe('groupCourses', () => {
  it('keeps courses without a category or group (older services) in one group', () => {
    const plain: CourseInfo[] = [
      { id: 'a', title: 'A', kind: 'course', lectures: [], corrected: false },
      { id: 'b', title: 'B', kind: 'custom', lectures: [], corrected: true },
    ];
    expect(groupCourses(plain, new Map()).map((g) => [g.label, g.courses.map((c) => c.id)])).toEqual([['Courses', ['a', 'b']]]);
  });

  it('looks up a group’s words once, however many courses it holds (600 at 10,000 lectures)', () => {
    const many: CourseInfo[] = Array.from({ length: 600 }, (_, i) => ({
      id: `c${i}`,
      title: `C${i}`,
      kind: 'course',
      category: i % 2 ? 'talk' : 'course',
      group: String(2020 + (i % 3)),
      lectures: [],
      corrected: false,
    }));
    const lookups = { category: 0, group: 0 };
    const groups = groupCourses(many, new Map(), '', {
      category: (c) => (lookups.category++, c.toUpperCase()),
      group: (g) => (lookups.group++, g),
      course: (c) => c.title,
    });
    expect(groups.map((g) => [g.label, g.courses.length])).toEqual([
      ['2020 · COURSE', 100],
      ['2021 · TALK', 100],
      ['2022 · COURSE', 100],
      ['2020 · TALK', 100],
      ['2021 · COURSE', 100],
      ['2022 · TALK', 100],
    ]);
    expect(lookups).toEqual({ category: 6, group: 6 });
  });
});

describe('course-level actions', () => {
  const rows = () => screen.queryAllByTestId('lecture-row').map((r) => r.dataset.videoId);
  const progress = (id: string) =>
    within(document.querySelector<HTMLElement>(`[data-testid=course-item][data-course-id="${id}"]`)!).getByTestId('course-progress')
      .textContent;

  async function startFake() {
    const fake = fakeApi(
      courses.map((c) => ({ ...c, lectures: [...c.lectures] })),
      lectures,
    );
    window.api = fake.api;
    render(App);
    await waitFor(() => expect(screen.getAllByTestId('course-group')).toHaveLength(4));
    return fake;
  }

  it('marks a whole course watched, then undoes it lecture by lecture', async () => {
    const fake = await startFake();
    await fireEvent.click(nth(screen.getAllByTestId('course-item'), 0)); // 機器學習2021: 1 of 2 watched
    await fireEvent.click(screen.getByTestId('course-mark-watched'));
    await waitFor(() => expect(progress('ml21')).toBe('2/2'));
    expect(fake.api.setWatched).toHaveBeenCalledTimes(1); // only the one that changes
    expect(screen.getByTestId('course-mark-undo')).toHaveTextContent('Marked 1 lecture of 機器學習2021 watched.');
    await fireEvent.click(screen.getByTestId('course-mark-undo-button'));
    await waitFor(() => expect(progress('ml21')).toBe('1/2'));
    expect(fake.api.setWatched).toHaveBeenLastCalledWith({ videoId: vid(2), watched: false });
    expect(screen.queryByTestId('course-mark-undo')).toBeNull();

    await fireEvent.click(screen.getByTestId('course-mark-unwatched'));
    await waitFor(() => expect(progress('ml21')).toBe('0/2'));
  });

  it('hides watched lectures from the playlist, keeping the highlighted one', async () => {
    await startFake();
    await fireEvent.click(nth(screen.getAllByTestId('course-item'), 0));
    await waitFor(() => expect(rows()).toEqual([vid(1), vid(2)]));
    await fireEvent.click(nth(screen.getAllByTestId('course-item'), 1)); // the English version: all watched
    await waitFor(() => expect(rows()).toEqual([vid(3)]));
    await fireEvent.click(screen.getByTestId('hide-watched-toggle'));
    // The highlighted lecture stays, so the keyboard never loses its place.
    expect(rows()).toEqual([vid(3)]);
    await fireEvent.click(nth(screen.getAllByTestId('course-item'), 0));
    await waitFor(() => expect(rows()).not.toContain(vid(1)));
  });
});
