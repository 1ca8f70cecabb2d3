// Which view, overlay and dialog are showing. Kept apart from LibraryState: none of it is data.
export type Dialog = { kind: 'move'; videoId: string } | { kind: 'moveMany'; videoIds: string[] } | { kind: 'rename'; courseId: string } | { kind: 'reset' };

export class UiState {
  view = $state<'library' | 'notes'>('library');
  searchOpen = $state(false);
  helpOpen = $state(false);
  dialog = $state.raw<Dialog | null>(null);

  /** True while something modal owns the keyboard, so app shortcuts stay quiet. */
  get overlayOpen(): boolean {
    return this.searchOpen || this.helpOpen || this.dialog !== null;
  }
}

/** Typing in a field must never trigger a single-key shortcut. */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(t.type);
  return false;
}
