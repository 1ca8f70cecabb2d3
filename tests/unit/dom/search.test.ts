import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/svelte';
import SearchPalette from '../../../renderer/src/lib/components/SearchPalette.svelte';
import { highlightSegments } from '../../../renderer/src/lib/state/search.svelte';
import type { CourseInfo, SearchHit, SearchResponse } from '../../../electron/shared/contract';
import { deferred, emptyApi } from './fake-api';
import { advance, fakeTimersEachTest, renderIn, testApp } from './render';
import { NOT_READY_RETRY_MS } from '../../../renderer/src/lib/state/search.svelte';
import { nth } from '../helpers/nth';

fakeTimersEachTest(['setTimeout', 'clearTimeout']);

const courses: CourseInfo[] = [
  { id: 'ml2021', title: 'ML 2021 Spring', kind: 'course', lectures: [], corrected: false },
  { id: 'genai2024', title: '生成式AI導論 2024', kind: 'course', lectures: [], corrected: false },
];

function hit(videoId: string, over: Partial<SearchHit> = {}): SearchHit {
  return {
    videoId,
    title: `Lecture ${videoId}`,
    courseId: 'ml2021',
    courseTitle: 'ML 2021 Spring',
    fields: ['summary'],
    snippet: '介紹自注意力機制',
    snippetField: 'summary',
    highlights: [[3, 6]],
    score: 1,
    ...over,
  };
}

function input() {
  return screen.getByRole('combobox', { name: 'Search' }) as HTMLInputElement;
}

/** Type `text`, let the debounce send it, and answer that request (the `i`-th) with one hit. */
async function typedAndAnswered(answers: ReturnType<typeof deferred<SearchResponse>>[], i: number, text: string, videoId: string) {
  await fireEvent.input(input(), { target: { value: text } });
  await advance(100);
  nth(answers, i).resolve({ hits: [hit(videoId)], ready: true });
  await advance(0);
}

describe('highlightSegments', () => {
  it('splits text into marked runs, merging overlaps and clamping bad offsets', () => {
    expect(
      highlightSegments('abcdef', [
        [1, 3],
        [2, 4],
        [10, 12],
      ]),
    ).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'ef', mark: false },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(
      highlightSegments('abc', [
        [-5, 1],
        [2, 99],
      ]).map((s) => s.mark),
    ).toEqual([true, false, true]);
  });
});

/** A palette whose every search waits for the test to answer it; `ask(i)` is the i-th query sent. */
function answeredByHand() {
  const answers: ReturnType<typeof deferred<SearchResponse>>[] = [];
  const api = emptyApi({
    search: () => {
      const d = deferred<SearchResponse>();
      answers.push(d);
      return d.promise;
    },
  });
  const open = vi.fn();
  renderIn(testApp(api), SearchPalette, { open: true, courses, onOpenLecture: open });
  const ask = (i: number) => (nth(api.callsTo('search'), i) as { query: string }).query;
  return { answers, api, open, ask };
}

describe('SearchPalette', () => {
  it('opens with /, searches as the student types, and marks highlights as text', async () => {
    const api = emptyApi({
      search: async () => ({
        hits: [hit('CB0a3aBwND8', { snippet: '<b>自注意力</b>', highlights: [[3, 7]], fields: ['summary', 'note'] })],
        ready: true,
      }),
    });
    const view = renderIn(testApp(api), SearchPalette, { open: false, courses, onOpenLecture: vi.fn() });
    expect(screen.queryByRole('dialog')).toBeNull();
    await fireEvent.keyDown(document.body, { key: '/' });
    await advance(0);
    const dialog = screen.getByRole('dialog', { name: 'Search lectures' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(document.activeElement).toBe(input());

    await fireEvent.input(input(), { target: { value: '注意力' } });
    await advance(100);
    expect(api.callsTo('search')).toEqual([{ query: '注意力', courseId: undefined, watched: 'any', hasNote: undefined }]);
    const result = screen.getByTestId('search-result');
    const mark = result.querySelector('mark');
    expect(mark?.textContent).toBe('自注意力');
    expect(result.querySelector('b')).toBeNull(); // the snippet's "<b>" stayed text
    expect(result.querySelector('.search-result-snippet')).toHaveTextContent('<b>自注意力</b>');
    expect([...result.querySelectorAll('[data-field]')].map((b) => b.textContent)).toContain('note');
    view.unmount();
  });

  it('debounces typing and ignores a stale answer', async () => {
    const { answers, api } = answeredByHand();
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'a' } });
    await advance(20);
    await fireEvent.input(input(), { target: { value: 'at' } });
    await advance(100);
    expect(api.callsTo('search').map((a) => (a as { query: string }).query)).toEqual(['at']);

    await fireEvent.input(input(), { target: { value: 'attention' } });
    await advance(100);
    nth(answers, 1).resolve({ hits: [hit('newnewnew01', { title: 'Newest' })], ready: true });
    await advance(0);
    nth(answers, 0).resolve({ hits: [hit('oldoldold01', { title: 'Stale' })], ready: true });
    await advance(0);
    expect(screen.getAllByTestId('search-result').map((r) => r.dataset.videoId)).toEqual(['newnewnew01']);
  });

  it('moves with arrows, opens with Enter and closes', async () => {
    const api = emptyApi({ search: async () => ({ hits: [hit('aaaaaaaaaaa'), hit('bbbbbbbbbbb')], ready: true }) });
    const open = vi.fn();
    renderIn(testApp(api), SearchPalette, { open: true, courses, onOpenLecture: open });
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'x' } });
    await advance(100);
    const rows = () => screen.getAllByTestId('search-result');
    expect(rows()[0]).toHaveAttribute('aria-selected', 'true');
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(rows()[1]).toHaveAttribute('aria-selected', 'true');
    expect(input()).toHaveAttribute('aria-activedescendant', rows()[1]?.id);
    await fireEvent.keyDown(input(), { key: 'ArrowDown' }); // wraps
    await fireEvent.keyDown(input(), { key: 'ArrowUp' });
    await fireEvent.keyDown(input(), { key: 'Enter' });
    await advance(0);
    expect(open).toHaveBeenCalledWith('bbbbbbbbbbb');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Enter typed ahead of the results waits for the answer to the text in the box, not an older one', async () => {
    const { answers, open, ask } = answeredByHand();
    await advance(0);
    await typedAndAnswered(answers, 0, 'att', 'oldoldold01');
    expect(screen.getAllByTestId('search-result').map((r) => r.dataset.videoId)).toEqual(['oldoldold01']);

    // Typed on, and Enter before the debounce has even sent the new text.
    await fireEvent.input(input(), { target: { value: 'attention' } });
    await fireEvent.keyDown(input(), { key: 'Enter' });
    await advance(0);
    expect(open).not.toHaveBeenCalled();
    expect(ask(1)).toBe('attention'); // Enter sent it at once
    nth(answers, 1).resolve({ hits: [hit('newnewnew01', { title: 'For attention' }), hit('newnewnew02')], ready: true });
    await advance(0);
    expect(open).toHaveBeenCalledExactlyOnceWith('newnewnew01');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Enter waits for the query already in flight for the current text', async () => {
    const { answers, api, open } = answeredByHand();
    await advance(0);
    await typedAndAnswered(answers, 0, 'a', 'oldoldold01');
    await fireEvent.input(input(), { target: { value: 'ab' } });
    await advance(100); // 'ab' is asked, not yet answered
    await fireEvent.keyDown(input(), { key: 'Enter' });
    await fireEvent.keyDown(input(), { key: 'Enter' }); // a second Enter while waiting opens nothing more
    await advance(0);
    expect(api.callsTo('search')).toHaveLength(2); // no second request for the same text
    expect(open).not.toHaveBeenCalled();
    nth(answers, 1).resolve({ hits: [hit('newnewnew01')], ready: true });
    await advance(0);
    expect(open).toHaveBeenCalledExactlyOnceWith('newnewnew01');
  });

  it('never opens a hit for text the student changed after Enter', async () => {
    const { answers, open } = answeredByHand();
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'gan' } });
    await fireEvent.keyDown(input(), { key: 'Enter' });
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'gans' } });
    nth(answers, 0).resolve({ hits: [hit('ganganagan1')], ready: true });
    await advance(100);
    nth(answers, 1).resolve({ hits: [hit('gansgansgan')], ready: true });
    await advance(0);
    expect(open).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('search-result').map((r) => r.dataset.videoId)).toEqual(['gansgansgan']);
  });

  it('Enter on text with no hits opens nothing and says so, even when an older query had hits', async () => {
    const { answers, open } = answeredByHand();
    await advance(0);
    await typedAndAnswered(answers, 0, 'x', 'xxxxxxxxxxx');
    await fireEvent.input(input(), { target: { value: 'xqzv' } });
    await fireEvent.keyDown(input(), { key: 'Enter' });
    await advance(0);
    nth(answers, 1).resolve({ hits: [], ready: true });
    await advance(0);
    expect(open).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByText('No matches')).toBeInTheDocument();
    expect(screen.queryByTestId('search-result')).toBeNull();
  });

  it('Esc closes without opening anything', async () => {
    const open = vi.fn();
    renderIn(testApp(emptyApi()), SearchPalette, { open: true, courses, onOpenLecture: open });
    await advance(0);
    await fireEvent.keyDown(input(), { key: 'Escape' });
    await advance(0);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).not.toHaveBeenCalled();
  });

  it('sends the filters and says when nothing matches', async () => {
    const api = emptyApi();
    renderIn(testApp(api), SearchPalette, { open: true, courses, onOpenLecture: vi.fn() });
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'gan' } });
    await advance(100);
    expect(screen.getByText('No matches')).toBeInTheDocument();

    await fireEvent.change(screen.getByRole('combobox', { name: 'Course' }), { target: { value: 'genai2024' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Watched' }), { target: { value: 'unwatched' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Has notes' }));
    await advance(100);
    expect(api.callsTo('search').at(-1)).toEqual({ query: 'gan', courseId: 'genai2024', watched: 'unwatched', hasNote: true });
  });

  it('says when the index is still building, and replaces the title matches with the full answer once it is ready', async () => {
    let ready = false;
    const api = emptyApi({
      search: async () =>
        ready
          ? {
              hits: [hit('aaaaaaaaaaa', { fields: ['title'] }), hit('bbbbbbbbbbb', { fields: ['summary'], title: 'In the summary' })],
              ready: true,
            }
          : { hits: [hit('aaaaaaaaaaa', { fields: ['title'] })], ready: false },
    });
    renderIn(testApp(api), SearchPalette, { open: true, courses, onOpenLecture: vi.fn() });
    await advance(0);
    await fireEvent.input(input(), { target: { value: 'x' } });
    await advance(100);
    expect(screen.getByText('Index still building — showing title matches')).toBeInTheDocument();
    expect(screen.getAllByTestId('search-result')).toHaveLength(1);
    // Asked again while building, with no keystroke; the full answer then shows by itself.
    ready = true;
    await advance(NOT_READY_RETRY_MS + 10);
    expect(api.callsTo('search').length).toBeGreaterThanOrEqual(2);
    expect(screen.getAllByTestId('search-result')).toHaveLength(2);
    expect(screen.queryByText('Index still building — showing title matches')).toBeNull();
    // Ready now: no more asking.
    const calls = api.callsTo('search').length;
    await advance(NOT_READY_RETRY_MS * 4);
    expect(api.callsTo('search')).toHaveLength(calls);
  });

  it('does not open on / typed into a text field', async () => {
    renderIn(testApp(emptyApi()), SearchPalette, { open: false, courses, onOpenLecture: vi.fn() });
    const field = document.createElement('textarea');
    document.body.appendChild(field);
    await fireEvent.keyDown(field, { key: '/' });
    await advance(0);
    expect(screen.queryByRole('dialog')).toBeNull();
    field.remove();

    // A ticked checkbox keeps focus, but nobody types into it: `/` still opens.
    const box = document.createElement('input');
    box.type = 'checkbox';
    document.body.appendChild(box);
    await fireEvent.keyDown(box, { key: '/' });
    await advance(0);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    box.remove();
  });
});
