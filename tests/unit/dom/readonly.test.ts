// Data written by a newer version opens read-only: nothing may look editable, nothing is
// sent, and a refusal from the service is shown, rolled back, and loses no typed text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import App from '../../../renderer/src/App.svelte';
import { flushAllNotes } from '../../../renderer/src/lib/state/notes.svelte';
import { sampleApi, vid } from './fake-api';
import { nth } from '../helpers/nth';
import { locale } from '../../../renderer/src/lib/i18n/locale.svelte';

type Fake = ReturnType<typeof sampleApi>;

const NEWER = 'This data was saved by a newer version of Lecture Companion; it is open read-only and nothing is saved.';

function readonlyApi() {
  const fake = sampleApi({ lastVideoId: vid(2), lastCourseId: 'rl' });
  fake.state.store = { state: 'readonly', message: 'Written by a newer version (data version 9).', quarantinePath: null };
  fake.state.notes.set(vid(2), { text: 'my old note', updatedAt: 1 });
  return fake;
}

function start(fake: Fake) {
  window.api = fake.api;
  return render(App);
}

const rows = () => screen.queryAllByTestId('lecture-row');
const progressOf = (courseId: string) =>
  within(document.querySelector<HTMLElement>(`[data-testid=course-item][data-course-id="${courseId}"]`)!).getByTestId('course-progress')
    .textContent;
const noteArea = () => screen.getByRole('textbox', { name: 'Note (Markdown)' }) as HTMLTextAreaElement;

beforeEach(() => sessionStorage.clear());
afterEach(() => {
  cleanup();
  delete window.api;
});

describe('read-only data (written by a newer version)', () => {
  it('shows the note read-only with a clear note, and never tries to save it', async () => {
    const fake = readonlyApi();
    start(fake);
    await waitFor(() => expect(noteArea().value).toBe('my old note'));
    expect(screen.getByTestId('readonly-notice')).toHaveTextContent('newer version');
    expect(noteArea()).toHaveAttribute('readonly');
    expect(screen.getByTestId('note-readonly')).toHaveTextContent('Read-only: this data was written by a newer version');
    expect(noteArea()).toHaveAccessibleDescription(/Read-only/);
    expect(screen.getByRole('button', { name: 'Insert timestamp' })).toBeDisabled();

    // Even an input event that slips through (a script, an extension) is not saved.
    await fireEvent.input(noteArea(), { target: { value: 'changed' } });
    await fireEvent.keyDown(noteArea(), { key: 's', ctrlKey: true });
    expect(await flushAllNotes()).toBe(true);
    expect(fake.api.saveNote).not.toHaveBeenCalled();
  });

  it('says why in the UI language: the service names its reason by key, and its English is only the fallback', async () => {
    const fake = readonlyApi();
    fake.state.store = {
      state: 'readonly',
      message: 'English for the log',
      quarantinePath: null,
      words: { key: 'readonlyNewerVersion', params: { version: 9, known: 4 } },
    };
    // The UI language the student chose (App sets the locale from the prefs on open).
    fake.state.prefs = { ...fake.state.prefs, language: 'zh-TW' };
    try {
      start(fake);
      await waitFor(() => expect(screen.getByTestId('readonly-notice')).toHaveTextContent('資料版本 9'));
      expect(screen.getByTestId('readonly-notice')).not.toHaveTextContent('English for the log');
      cleanup();
      fake.state.prefs = { ...fake.state.prefs, language: 'en' };
      fake.state.store = { ...fake.state.store, words: { key: 'diskFullAtStart' } };
      start(fake);
      await waitFor(() => expect(screen.getByTestId('readonly-notice')).toHaveTextContent('The disk is full'));
    } finally {
      locale.set('en');
    }
  });

  it('disables watched toggles and corrections, and w says why instead of changing anything', async () => {
    const fake = readonlyApi();
    start(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));
    for (const r of rows()) expect(within(r).getByTestId('watched-toggle')).toBeDisabled();
    await waitFor(() => expect(screen.getByTestId('detail-watched')).toBeDisabled());
    expect(screen.getByTestId('move-lecture')).toBeDisabled();
    expect(screen.getByTestId('rename-course')).toBeDisabled();
    expect(screen.getByTestId('reset-corrections')).toBeDisabled();

    const list = screen.getByTestId('playlist');
    list.focus();
    await fireEvent.keyDown(list, { key: 'w' });
    expect(screen.getByTestId('toast')).toHaveTextContent('Read-only: this data was written by a newer version');
    expect(progressOf('rl')).toBe('0/3');
    expect(fake.api.setWatched).not.toHaveBeenCalled();
  });

  it('when the service refuses a change as read-only: says so, rolls back, keeps the typed note', async () => {
    // The store reported ok at load, but the service refuses writes (it has the last word).
    const fake = sampleApi({ lastVideoId: vid(2), lastCourseId: 'rl' });
    // As Electron's IPC delivers it: only the message crosses, with main's `[code]` prefix.
    const refusal = () => new Error(`Error invoking remote method 'lc:call': Error: [readonly] ${NEWER}`);
    fake.api.setWatched.mockRejectedValue(refusal());
    fake.api.saveNote.mockRejectedValue(refusal());
    start(fake);
    await waitFor(() => expect(rows()).toHaveLength(3));

    await fireEvent.click(within(nth(rows(), 0)).getByTestId('watched-toggle'));
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent(`Could not save watched: ${NEWER}`));
    expect(progressOf('rl')).toBe('0/3');
    expect(within(nth(rows(), 0)).getByTestId<HTMLInputElement>('watched-toggle').checked).toBe(false);

    await waitFor(() => expect(noteArea()).toBeInTheDocument());
    await fireEvent.input(noteArea(), { target: { value: 'typed before the refusal 自注意力' } });
    expect(await flushAllNotes()).toBe(false);
    const status = screen.getByTestId('note-status');
    await waitFor(() => expect(status).toHaveTextContent(`Not saved: ${NEWER}`));
    expect(within(status).queryByRole('button', { name: 'retry' })).toBeNull(); // retrying cannot help
    expect(noteArea().value).toBe('typed before the refusal 自注意力');

    // Leave no unsaved draft behind for the other tests in this file.
    fake.api.saveNote.mockResolvedValue({ updatedAt: Date.now() });
    expect(await flushAllNotes()).toBe(true);
  });
});
