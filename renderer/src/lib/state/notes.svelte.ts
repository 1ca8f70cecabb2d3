// One lecture's note as the student types it, and the rules that keep it from being lost:
// saves are debounced, serialised (so the disk always ends with the latest text), never
// sent mid-IME-composition, and a failed save keeps the text and retries.
import { formatDate, formatDateTime, t } from '../i18n/locale.svelte';
import { tick } from 'svelte';
import type { Api, NoteInfo } from '../../../../electron/shared/contract';
import { ApiError } from '../../../../electron/shared/wire';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

export const SAVE_DEBOUNCE_MS = 600;
/** After a failed save (a full disk), try again on its own: first after this, then less often. */
export const RETRY_FIRST_MS = 5_000;
export const RETRY_MAX_MS = 60_000;

/** Every draft that may hold unsaved text, so quit/blur can flush them all. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry for flushing, never rendered
const live = new Set<NoteDraft>();

export class NoteDraft {
  text = $state('');
  status = $state<SaveStatus>('idle');
  /** ms since epoch of the last save the service acknowledged for the latest text. */
  savedAt = $state<number | null>(null);
  error = $state<string | null>(null);
  /** The ApiError code of the failed save ('readonly' when the data came from a newer version). */
  errorCode = $state<string | null>(null);
  /** The data cannot be changed: edits are refused, so nothing is ever sent. */
  readonly = false;

  /** True between compositionstart and compositionend; edits then are not final. */
  composing = false;

  /** Bumped on every edit; `persisted` is the edit number last acknowledged on disk. */
  #edit = 0;
  #persisted = 0;
  /** updatedAt the service returned for our last save; older incoming notes are stale. */
  #lastSavedAt = 0;
  /** Set when the data was replaced underneath us (restore/merge): accept the next note as is. */
  #replaced = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryDelay = RETRY_FIRST_MS;
  /** Saves run one after another so they reach the disk in typing order. */
  #chain: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(
    private readonly api: Api,
    readonly videoId: string,
    note: NoteInfo | null,
    private readonly onSaved?: (videoId: string, hasNote: boolean) => void,
    private readonly delay = SAVE_DEBOUNCE_MS,
  ) {
    this.text = note?.text ?? '';
    this.#lastSavedAt = note?.updatedAt ?? 0;
    live.add(this);
  }

  get dirty(): boolean {
    return this.#edit !== this.#persisted;
  }

  /** The student changed the text (committed text only; callers skip mid-composition input). */
  edit(text: string): void {
    if (this.readonly || text === this.text) return;
    this.text = text;
    this.#edit++;
    if (this.status !== 'error') this.status = 'dirty';
    this.#schedule();
  }

  /** A newer note arrived from outside (reload, restore); take it only if nothing local is unsaved. */
  adopt(note: NoteInfo | null): void {
    if (this.dirty || this.composing) return;
    const at = note?.updatedAt ?? 0;
    if (!this.#replaced && at < this.#lastSavedAt) return; // a stale read raced our save
    this.#replaced = false;
    this.#lastSavedAt = at;
    this.text = note?.text ?? '';
  }

  markReplaced(): void {
    this.#replaced = true;
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // Mid-composition the text is not final; compositionend schedules again.
      if (this.composing) return;
      void this.flush();
    }, this.delay);
  }

  /** Save now if anything is unsaved; resolves when the latest text is on disk (or the save failed). */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (!this.dirty) return this.#chain;
    this.#chain = this.#chain.then(() => this.#save());
    return this.#chain;
  }

  async #save(): Promise<void> {
    if (!this.dirty) return; // an earlier queued save already wrote this text
    const edit = this.#edit;
    const text = this.text;
    this.#pending++;
    if (this.status !== 'error') this.status = 'saving'; // an automatic retry keeps "Not saved" until it succeeds
    try {
      const { updatedAt } = await this.api.saveNote({ videoId: this.videoId, text });
      this.#persisted = Math.max(this.#persisted, edit);
      this.#lastSavedAt = updatedAt;
      this.error = null;
      this.errorCode = null;
      this.#retryDelay = RETRY_FIRST_MS;
      this.onSaved?.(this.videoId, text.trim() !== '');
      if (edit === this.#edit) {
        // Only the latest text counts as "Saved".
        this.status = 'saved';
        this.savedAt = updatedAt;
      } else {
        this.status = 'dirty';
      }
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.errorCode = e instanceof ApiError ? e.code : 'failed';
      this.status = 'error';
      // The service undid the refused change, so the text lives only here: keep trying.
      // Read-only data will not take it however often it is sent.
      if (this.errorCode !== 'readonly') this.#scheduleRetry();
    } finally {
      this.#pending--;
    }
  }

  #scheduleRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      if (this.status === 'error' && !this.composing) void this.flush();
    }, this.#retryDelay);
    this.#retryDelay = Math.min(this.#retryDelay * 2, RETRY_MAX_MS);
  }

  /** Try the failed save again (the retry button). */
  retry(): Promise<void> {
    this.status = 'saving';
    return this.flush();
  }

  get saving(): boolean {
    return this.#pending > 0;
  }

  /** Flush, then forget this draft (its lecture is no longer shown). */
  async close(): Promise<void> {
    await this.flush();
    if (!this.dirty) live.delete(this);
  }
}

/**
 * Save every draft that holds unsaved text; the shell and the quit path await this.
 * Resolves true when everything typed is on disk, false when a save failed.
 */
export async function flushAllNotes(): Promise<boolean> {
  const drafts = [...live];
  await Promise.all(drafts.map((d) => d.flush()));
  return drafts.every((d) => !d.dirty);
}

/**
 * The window is about to close: save everything first. If a note could not be saved, its
 * editor is already showing the error; the student decides whether to close and lose it.
 */
export async function mayCloseAfterFlush(ask: (question: string) => boolean): Promise<boolean> {
  const saved = await flushAllNotes().catch(() => false);
  if (saved) return true;
  await tick(); // let the editor show "Not saved" behind the question
  return ask(t('editor.unsavedClose'));
}

/** The notes were replaced by a restore or merge: open editors take the next note they are given. */
export function notesReplaced(): void {
  for (const d of live) d.markReplaced();
}

/** Relative time for note lists: "just now", "5 min ago", "3 h ago", else the date. */
export function formatEdited(at: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return t('time.justNow');
  if (s < 3600) return t('time.minAgo', { count: Math.round(s / 60) });
  if (s < 86400) return t('time.hAgo', { count: Math.round(s / 3600) });
  return formatDateTime(at);
}

export { formatDateTime };

/** Time of day in the UI language's way: "Saved 09:41". */
export function formatClock(ms: number): string {
  return formatDate(ms, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
