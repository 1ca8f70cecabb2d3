import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/svelte';
import NoteEditor from '../../../renderer/src/lib/components/NoteEditor.svelte';
import NotesView from '../../../renderer/src/lib/components/NotesView.svelte';
import FlushOnLeave from '../../../renderer/src/lib/components/FlushOnLeave.svelte';
import { RETRY_FIRST_MS, flushAllNotes, mayCloseAfterFlush } from '../../../renderer/src/lib/state/notes.svelte';
import { ApiError } from '../../../electron/shared/wire';
import { deferred, emptyApi } from './fake-api';
import { advance, fakeTimersEachTest, renderIn, testApp } from './render';
import { nth } from '../helpers/nth';

const A = 'CB0a3aBwND8';
const B = 'hYdO9CscNes';

fakeTimersEachTest(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']);

function textarea() {
  return screen.getByRole('textbox', { name: 'Note (Markdown)' }) as HTMLTextAreaElement;
}

function type(value: string) {
  return fireEvent.input(textarea(), { target: { value } });
}

describe('NoteEditor autosave', () => {
  it('saves within a second of the last keystroke and says Saved only when that save resolved', async () => {
    const save = deferred<{ updatedAt: number }>();
    const api = emptyApi({ saveNote: () => save.promise });
    const onSaved = vi.fn();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null, onSaved });

    await type('自注意力 self-attention');
    await advance(300);
    expect(api.callsTo('saveNote')).toHaveLength(0); // still debouncing
    await advance(400);
    expect(api.callsTo('saveNote')).toEqual([{ videoId: A, text: '自注意力 self-attention' }]);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saving…');
    expect(onSaved).not.toHaveBeenCalled();

    save.resolve({ updatedAt: Date.now() });
    await advance(0);
    expect(screen.getByTestId('note-status')).toHaveTextContent(/^Saved \d\d:\d\d$/);
    expect(onSaved).toHaveBeenCalledWith(A, true);
  });

  it('does not claim Saved for older text, and saves in typing order', async () => {
    const pending: ReturnType<typeof deferred<{ updatedAt: number }>>[] = [];
    const api = emptyApi({
      saveNote: () => {
        const d = deferred<{ updatedAt: number }>();
        pending.push(d);
        return d.promise;
      },
    });
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null });

    await type('one');
    await advance(700);
    await type('one two');
    // The first save lands while newer text waits for its debounce: not "Saved" yet.
    nth(pending, 0).resolve({ updatedAt: 1 });
    await advance(0);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saving…');

    await type('one two three');
    await advance(700);
    await type('one two three four');
    await advance(700);
    // The next save waits for the one in flight, so the disk cannot end with older text.
    expect(api.callsTo('saveNote')).toHaveLength(2);
    nth(pending, 1).resolve({ updatedAt: 2 });
    await advance(0);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saving…');
    expect(api.callsTo('saveNote')).toEqual([
      { videoId: A, text: 'one' },
      { videoId: A, text: 'one two three' },
      { videoId: A, text: 'one two three four' },
    ]);

    nth(pending, 2).resolve({ updatedAt: 3 });
    await advance(0);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saved');
  });

  it('never saves or rewrites the textarea during an IME composition', async () => {
    const api = emptyApi();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null });
    const el = textarea();

    await type('a');
    await fireEvent.compositionStart(el);
    await fireEvent.input(el, { target: { value: 'a zhu' } });
    await advance(2000);
    expect(api.callsTo('saveNote')).toHaveLength(0);
    expect(el.value).toBe('a zhu');

    el.value = 'a 注意';
    await fireEvent.compositionEnd(el);
    await advance(700);
    expect(api.callsTo('saveNote')).toEqual([{ videoId: A, text: 'a 注意' }]);
  });

  it('flushes the old lecture to the old id at once when the lecture changes', async () => {
    const api = emptyApi();
    const view = renderIn(testApp(api), NoteEditor, { videoId: A, note: { text: 'old', updatedAt: 1 } });
    await type('old and new');
    await view.rerender({ videoId: B, note: { text: 'B note', updatedAt: 5 } });
    await advance(0); // no debounce wait
    expect(api.callsTo('saveNote')).toEqual([{ videoId: A, text: 'old and new' }]);
    expect(textarea().value).toBe('B note');
    await advance(2000);
    expect(api.callsTo('saveNote')).toHaveLength(1); // nothing written to B
  });

  it('keeps the text on a failed save and retries from the button', async () => {
    let fail = true;
    const api = emptyApi({
      saveNote: async () => {
        if (fail) throw new Error('disk full');
        return { updatedAt: 9 };
      },
    });
    const onSaved = vi.fn();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null, onSaved });
    await type('precious');
    await advance(700);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Not saved: disk full, retrying — retry');
    expect(screen.getByTestId('note-status')).not.toHaveTextContent('Saved');
    expect(textarea().value).toBe('precious');
    expect(onSaved).not.toHaveBeenCalled();

    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'retry' }));
    await advance(0);
    expect(api.callsTo('saveNote')).toHaveLength(2);
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saved');
    expect(onSaved).toHaveBeenCalledWith(A, true);
  });

  it('after a failed save shows "Not saved: disk full, retrying", never "Saved", and retries on its own', async () => {
    let fail = true;
    const api = emptyApi({
      saveNote: async () => {
        if (fail) throw new ApiError('disk full', 'failed');
        return { updatedAt: 9 };
      },
    });
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null });
    await type('precious');
    await advance(700);
    const status = screen.getByTestId('note-status');
    expect(status).toHaveTextContent('Not saved: disk full, retrying');
    await advance(RETRY_FIRST_MS); // the first retry fails too: still not saved
    expect(api.callsTo('saveNote')).toHaveLength(2);
    expect(status).toHaveTextContent('Not saved: disk full, retrying');
    expect(status).not.toHaveTextContent('Saved');
    fail = false;
    await advance(2 * RETRY_FIRST_MS); // the next retry, after a longer wait, gets through
    expect(api.callsTo('saveNote')).toHaveLength(3);
    expect(status).toHaveTextContent('Saved');
  });

  it('flushAllNotes, window blur and hidden visibility save without waiting', async () => {
    const api = emptyApi();
    const app = testApp(api);
    renderIn(app, NoteEditor, { videoId: A, note: null });
    // The app-wide listeners live apart from the editor, once per window (App.svelte mounts them).
    renderIn(app, FlushOnLeave, {});
    await type('x');
    await flushAllNotes();
    expect(api.callsTo('saveNote')).toEqual([{ videoId: A, text: 'x' }]);

    await type('xy');
    await fireEvent.blur(window);
    await advance(0);
    expect(api.callsTo('saveNote')).toHaveLength(2);

    await type('xyz');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    await fireEvent(document, new Event('visibilitychange'));
    await advance(0);
    expect(api.callsTo('saveNote')).toHaveLength(3);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('reports an emptied note as having no note', async () => {
    const api = emptyApi();
    const onSaved = vi.fn();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: { text: 'gone soon', updatedAt: 1 }, onSaved });
    await type('  ');
    await advance(700);
    expect(onSaved).toHaveBeenCalledWith(A, false);
  });
});

describe('closing the window (main asks the page to flush)', () => {
  it('closes without asking once every note is on disk', async () => {
    const api = emptyApi();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null });
    await type('last words');
    const ask = vi.fn(() => false);
    expect(await mayCloseAfterFlush(ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(api.callsTo('saveNote')).toEqual([{ videoId: A, text: 'last words' }]);
  });

  it('a failed save keeps the window open, showing the error, unless the student agrees to close', async () => {
    let fail = true;
    const api = emptyApi({
      saveNote: async () => {
        if (fail) throw new Error('disk full');
        return { updatedAt: 5 };
      },
    });
    renderIn(testApp(api), NoteEditor, { videoId: A, note: null });
    await type('unsaved 筆記');
    let statusWhenAsked = '';
    const ask = vi.fn((_q: string) => {
      statusWhenAsked = screen.getByTestId('note-status').textContent ?? '';
      return false;
    });
    expect(await mayCloseAfterFlush(ask)).toBe(false);
    expect(ask).toHaveBeenCalledWith('Your last note edit could not be saved. Close anyway?');
    expect(statusWhenAsked).toContain('Not saved');
    expect(textarea().value).toBe('unsaved 筆記');

    // Asked again, the flush retries the save first; the student may then choose to close.
    expect(await mayCloseAfterFlush(() => true)).toBe(true);
    expect(api.callsTo('saveNote')).toHaveLength(2);

    // Once the disk takes it, no question is needed.
    fail = false;
    const never = vi.fn(() => false);
    expect(await mayCloseAfterFlush(never)).toBe(true);
    expect(never).not.toHaveBeenCalled();
    expect(screen.getByTestId('note-status')).toHaveTextContent('Saved');
  });
});

describe('NoteEditor timestamps', () => {
  it('Ctrl+Shift+T opens a prompt and Enter inserts [mm:ss] at the cursor', async () => {
    const api = emptyApi();
    renderIn(testApp(api), NoteEditor, { videoId: A, note: { text: 'before after', updatedAt: 1 } });
    const el = textarea();
    el.setSelectionRange(7, 7);
    await fireEvent.keyDown(el, { key: 'T', ctrlKey: true, shiftKey: true });
    const prompt = screen.getByRole('textbox', { name: 'Timestamp' }) as HTMLInputElement;
    expect(prompt.value).toBe('00:00');

    await fireEvent.input(prompt, { target: { value: 'nonsense' } });
    await fireEvent.submit(prompt.form!);
    expect(screen.getByText(/Use mm:ss/)).toBeInTheDocument();
    expect(textarea().value).toBe('before after');

    await fireEvent.input(prompt, { target: { value: '12:34' } });
    await fireEvent.submit(prompt.form!);
    expect(textarea().value).toBe('before [12:34]after');
    expect(screen.queryByRole('textbox', { name: 'Timestamp' })).toBeNull();

    // The toolbar button reopens it, prefilled with the last stamp.
    await fireEvent.click(screen.getByRole('button', { name: 'Insert timestamp' }));
    expect((screen.getByRole('textbox', { name: 'Timestamp' }) as HTMLInputElement).value).toBe('12:34');
  });

  it('preview links timestamps to the video; other links do not navigate', async () => {
    const api = emptyApi();
    renderIn(testApp(api), NoteEditor, {
      videoId: A,
      note: { text: 'see 12:34 and [docs](https://example.com/x)', updatedAt: 1 },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const stamp = screen.getByRole('link', { name: '12:34' });
    expect(stamp).toHaveClass('timestamp');
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    stamp.dispatchEvent(ev);
    expect(ev.defaultPrevented).toBe(true);
    expect(api.callsTo('openVideo')).toEqual([{ videoId: A, seconds: 754 }]);

    const other = screen.getByRole('link', { name: 'docs' });
    const ev2 = new MouseEvent('click', { bubbles: true, cancelable: true });
    other.dispatchEvent(ev2);
    expect(ev2.defaultPrevented).toBe(true);
    expect(api.callsTo('openVideo')).toHaveLength(1);
  });

  it('shows note text as text in the editor, never as markup', async () => {
    const api = emptyApi();
    const { container } = renderIn(testApp(api), NoteEditor, { videoId: A, note: { text: '<img src=x onerror=alert(1)>', updatedAt: 1 } });
    expect(textarea().value).toBe('<img src=x onerror=alert(1)>');
    await fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('NotesView', () => {
  it('lists notes newest first and opens a lecture on click or Enter', async () => {
    const now = Date.now();
    const api = emptyApi({
      listNotes: async () => [
        { videoId: A, title: 'Old <b>one</b>', courseId: 'c', courseTitle: 'ML 2021', snippet: 'old text', updatedAt: now - 86_400_000 * 3 },
        { videoId: B, title: '新的', courseId: 'c', courseTitle: 'ML 2025', snippet: '注意力', updatedAt: now - 60_000 },
      ],
    });
    const open = vi.fn();
    renderIn(testApp(api), NotesView, { onOpenLecture: open });
    await advance(0);
    const items = screen.getAllByTestId('notes-item');
    expect(items.map((i) => i.dataset.videoId)).toEqual([B, A]);
    expect(items[0]).toHaveTextContent('1 min ago');
    expect(items[1]).toHaveTextContent('Old <b>one</b>'); // a title is text
    await fireEvent.click(nth(items, 1));
    expect(open).toHaveBeenCalledWith(A);
    expect(items[0]?.tagName).toBe('BUTTON'); // so Enter opens it too
  });

  it('says how to start when there are no notes', async () => {
    renderIn(testApp(emptyApi()), NotesView, { onOpenLecture: vi.fn() });
    await advance(0);
    expect(screen.getByText('No notes yet — open a lecture and start typing.')).toBeInTheDocument();
  });
});
