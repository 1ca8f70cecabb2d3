import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { emptyApi, emptyLibrary, fakeApi, sampleApi, vid } from './fake-api';
import { nth } from '../helpers/nth';

type Fake = ReturnType<typeof sampleApi>;

function start(fake: Fake) {
  window.api = fake.api;
  return render(App);
}

const rowIds = () => screen.queryAllByTestId('lecture-row').map((r) => r.dataset.videoId);
const progressOf = (courseId: string) =>
  within(document.querySelector<HTMLElement>(`[data-testid=course-item][data-course-id="${courseId}"]`)!).getByTestId('course-progress')
    .textContent;

beforeEach(() => {
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('App', () => {
  it('lists courses in the service order with progress, and the first course in course order', async () => {
    start(sampleApi());
    await waitFor(() => expect(screen.getAllByTestId('course-item')).toHaveLength(2));
    expect(screen.getAllByTestId('course-item').map((b) => b.dataset.courseId)).toEqual(['rl', 'gan']);
    expect(progressOf('rl')).toBe('0/3');
    expect(progressOf('gan')).toBe('1/1');
    expect(screen.getByTestId('overall-progress')).toHaveTextContent('1/4');
    await waitFor(() => expect(rowIds()).toEqual([vid(2), vid(1), vid(3)]));
  });

  it('ticking watched updates the progress at once and calls the service', async () => {
    const fake = sampleApi();
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const box = within(nth(screen.getAllByTestId('lecture-row'), 0)).getByTestId('watched-toggle');
    await fireEvent.click(box);
    expect(progressOf('rl')).toBe('1/3');
    expect(screen.getByTestId('overall-progress')).toHaveTextContent('2/4');
    expect(fake.api.setWatched).toHaveBeenCalledWith({ videoId: vid(2), watched: true });
    // The click on the box must not also open the lecture.
    expect(fake.api.getLecture).not.toHaveBeenCalled();
  });

  it('rolls back a failed watched change and shows the error', async () => {
    const fake = sampleApi();
    fake.api.setWatched.mockRejectedValueOnce(new Error('disk is full'));
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await fireEvent.click(within(nth(screen.getAllByTestId('lecture-row'), 0)).getByTestId('watched-toggle'));
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent('disk is full'));
    expect(progressOf('rl')).toBe('0/3');
    expect(within(nth(screen.getAllByTestId('lecture-row'), 0)).getByTestId<HTMLInputElement>('watched-toggle').checked).toBe(false);
    await fireEvent.click(within(screen.getByTestId('toast')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('has the playlist focused on open, so the keys work before any click or Tab', async () => {
    start(sampleApi());
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    expect(document.activeElement).toBe(screen.getByTestId('playlist'));
  });

  it('says plainly when the catalog could not be read, and never offers n', async () => {
    const library = {
      ...emptyLibrary(),
      warnings: [{ file: '/home/s/missing.md', line: 0, message: 'could not read the catalog: ENOENT' }],
    };
    window.api = emptyApi({ getLibrary: async () => library });
    render(App);
    const state = await screen.findByTestId('no-catalog');
    expect(state).toHaveTextContent('No lectures are loaded: the catalog could not be read.');
    expect(state).toHaveTextContent('/home/s/missing.md');
    expect(screen.queryByTestId('no-lecture')).toBeNull();
    await fireEvent.keyDown(window, { key: 'n' });
    expect(await screen.findByText('No lectures are loaded, so there is nothing next.')).toBeInTheDocument();
    expect(screen.queryByText(/Everything is watched/)).toBeNull();
  });

  it('moves with the keyboard, opens with Enter and marks watched with w', async () => {
    const fake = sampleApi();
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const list = screen.getByTestId('playlist');
    expect(document.activeElement).toBe(list);
    await fireEvent.keyDown(list, { key: 'ArrowDown' });
    await fireEvent.keyDown(list, { key: 'j' });
    expect(list.getAttribute('aria-activedescendant')).toBe(`row-${vid(3)}`);
    await fireEvent.keyDown(list, { key: 'k' });
    expect(list.getAttribute('aria-activedescendant')).toBe(`row-${vid(1)}`);
    await fireEvent.keyDown(list, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('Intro to RL (2/3)'));
    expect(fake.api.setPrefs).toHaveBeenCalledWith({ lastVideoId: vid(1), lastCourseId: 'rl' });
    await fireEvent.keyDown(list, { key: 'w' });
    expect(fake.api.setWatched).toHaveBeenCalledWith({ videoId: vid(1), watched: true });
    await fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toBe(`row-${vid(3)}`);
    await fireEvent.keyDown(list, { key: 'Home' });
    expect(list.getAttribute('aria-activedescendant')).toBe(`row-${vid(2)}`);
  });

  it('restores the last opened lecture and its course', async () => {
    const fake = sampleApi({ lastVideoId: vid(4), lastCourseId: 'gan' });
    start(fake);
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('GAN lecture'));
    expect(rowIds()).toEqual([vid(4)]);
    expect(screen.getByTestId('no-summary')).toHaveTextContent('No summary for this lecture yet.');
  });

  it('switches to upload order: every lecture by index', async () => {
    const fake = sampleApi();
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId('upload-order-toggle'));
    await waitFor(() => expect(rowIds()).toEqual([vid(1), vid(2), vid(3), vid(4)]));
    expect(fake.api.setPrefs).toHaveBeenCalledWith({ uploadOrder: true });
  });

  it('newest courses first takes the reordered courses from the answer, without asking for the library again', async () => {
    const fake = sampleApi();
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const courseIds = () => screen.getAllByTestId('course-item').map((b) => b.dataset.courseId);
    expect(courseIds()).toEqual(['rl', 'gan']);
    await fireEvent.click(screen.getByTestId('newest-first-toggle'));
    await waitFor(() => expect(courseIds()).toEqual(['gan', 'rl']));
    expect(fake.api.setPrefs).toHaveBeenCalledWith({ newestFirst: true });
    expect(fake.api.getLibrary).toHaveBeenCalledTimes(1); // the first load only
    expect(rowIds()).toEqual([vid(2), vid(1), vid(3)]); // still on the same course
    expect(progressOf('gan')).toBe('1/1');
  });

  it('next up opens the first unwatched lecture in course order', async () => {
    const fake = sampleApi({ lastCourseId: 'gan' });
    start(fake);
    await waitFor(() => expect(rowIds()).toEqual([vid(4)]));
    // GANs, the last course, is all watched: next up goes back to the first course with work
    // left, and says so rather than jumping there silently.
    await fireEvent.click(screen.getByTestId('next-up'));
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('Intro to RL (1/3)'));
    expect(
      screen.getByText(
        /You finished the last course in the list\. Next up goes back to the first one with lectures left: Reinforcement Learning\./,
      ),
    ).toBeInTheDocument();
    expect(rowIds()).toEqual([vid(2), vid(1), vid(3)]);
    expect(screen.getByTestId('summary').querySelector('h1')).toHaveTextContent('Overview');
  });

  it('next up in upload order starts from the course of the lecture opened last', async () => {
    const fake = fakeApi(
      [
        { id: 'a', title: 'Course A', lectures: [vid(1), vid(2)] },
        { id: 'b', title: 'Course B', lectures: [vid(4), vid(3)] },
      ],
      [
        { videoId: vid(1), index: 1, title: 'A one', courseId: 'a' },
        { videoId: vid(2), index: 2, title: 'A two', courseId: 'a' },
        { videoId: vid(3), index: 3, title: 'B two', courseId: 'b' },
        { videoId: vid(4), index: 4, title: 'B one', courseId: 'b' },
      ],
      { uploadOrder: true },
    );
    start(fake as unknown as Fake);
    await waitFor(() => expect(rowIds()).toEqual([vid(1), vid(2), vid(3), vid(4)]));
    const courseItem = (id: string) => document.querySelector<HTMLElement>(`[data-testid=course-item][data-course-id="${id}"]`)!;
    expect(courseItem('a')).toHaveAttribute('aria-current', 'true');

    // Opening a lecture of course B makes B the course being studied, even in upload order.
    await fireEvent.click(screen.getAllByTestId('lecture-row').find((r) => r.dataset.videoId === vid(3))!);
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('B two'));
    expect(courseItem('b')).toHaveAttribute('aria-current', 'true');
    expect(rowIds()).toEqual([vid(1), vid(2), vid(3), vid(4)]); // still upload order

    await fireEvent.click(screen.getByTestId('next-up'));
    // B's first unwatched lecture in course order, not A's.
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('B one'));
  });

  it('the n key does next up, but not while typing in a field', async () => {
    const fake = sampleApi();
    start(fake);
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await fireEvent.click(nth(screen.getAllByTestId('lecture-row'), 2));
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('Intro to RL (3/3)'));
    const textarea = document.querySelector('textarea');
    if (textarea) {
      await fireEvent.keyDown(textarea, { key: 'n' });
      expect(screen.getByTestId('lecture-title')).toHaveTextContent('Intro to RL (3/3)');
    }
    await fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(() => expect(screen.getByTestId('lecture-title')).toHaveTextContent('Intro to RL (1/3)'));
  });

  it('shows the shortcuts with ? and closes them with Escape', async () => {
    start(sampleApi());
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await fireEvent.keyDown(document.body, { key: '?' });
    const help = screen.getByTestId('keyboard-help');
    expect(help).toHaveTextContent('next unwatched');
    await fireEvent.keyDown(help, { key: 'Escape' });
    expect(screen.queryByTestId('keyboard-help')).toBeNull();
  });

  it('shows a load error with a retry', async () => {
    const fake = sampleApi();
    fake.api.getLibrary.mockRejectedValueOnce(new Error('catalog unreadable'));
    start(fake);
    await waitFor(() => expect(screen.getByTestId('load-error')).toHaveTextContent('catalog unreadable'));
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getAllByTestId('course-item')).toHaveLength(2));
  });

  it('says plainly when the catalog is empty', async () => {
    start(fakeApi([], []) as unknown as Fake);
    await waitFor(() => expect(screen.getByTestId('playlist-empty')).toHaveTextContent('The catalog has no lectures.'));
    expect(screen.getByTestId('no-catalog')).toHaveTextContent('This catalog has no lectures in it.');
    // No "press n" for a list with nothing in it.
    expect(screen.queryByTestId('no-lecture')).toBeNull();
    expect(screen.getByTestId('overall-progress')).toHaveTextContent('0/0');
    // Next up with nothing to watch says so instead of failing silently, and not as praise.
    await fireEvent.click(screen.getByTestId('next-up'));
    expect(screen.getByTestId('toast')).toHaveTextContent('No lectures are loaded, so there is nothing next.');
  });
});
