// The playlist's multi-selection: Ctrl/⌘+click or x toggles a row, Shift+click or
// Shift+arrow selects a range from the anchor, Ctrl/⌘+A selects every row shown.
// Only rows the playlist shows count, so a course switch leaves nothing selected out of sight.
import { SvelteSet } from 'svelte/reactivity';
import type { LibraryState } from './library.svelte';

export class SelectionState {
  readonly #picked = new SvelteSet<string>();
  /** Where a Shift range starts: the last row toggled or clicked. */
  #anchor = $state<string | null>(null);

  /** The selected lectures the playlist shows, in row order. */
  ids = $derived.by(() => this.lib.rows.filter((id) => this.#picked.has(id)));
  count = $derived(this.ids.length);

  constructor(private readonly lib: LibraryState) {}

  has(videoId: string): boolean {
    return this.#picked.has(videoId) && this.lib.rowIndex.has(videoId);
  }

  toggle(videoId: string): void {
    if (!this.#picked.delete(videoId)) this.#picked.add(videoId);
    this.#anchor = videoId;
  }

  /** Select the rows from the anchor (or `from`, or the row itself) to `videoId`, replacing the selection. */
  extendTo(videoId: string, from?: string | null): void {
    const rows = this.lib.rows;
    const anchorId = this.#anchor !== null && this.lib.rowIndex.has(this.#anchor) ? this.#anchor : (from ?? videoId);
    this.#anchor = anchorId;
    const a = this.lib.rowIndex.get(anchorId);
    const b = this.lib.rowIndex.get(videoId);
    if (a === undefined || b === undefined) return;
    this.#replace(rows.slice(Math.min(a, b), Math.max(a, b) + 1));
  }

  /** A plain cursor move: the next Shift range starts from here, the selection stays. */
  anchorAt(videoId: string | null): void {
    this.#anchor = videoId;
  }

  selectAll(): void {
    this.#replace(this.lib.rows);
  }

  /** A plain click starts over: nothing selected, and the next range starts at that row. */
  clear(anchor: string | null = null): void {
    this.#picked.clear();
    this.#anchor = anchor;
  }

  #replace(ids: readonly string[]): void {
    this.#picked.clear();
    for (const id of ids) this.#picked.add(id);
  }
}
