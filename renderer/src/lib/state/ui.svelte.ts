// Which view, overlay and dialog are showing. Kept apart from LibraryState: none of it is data.
export type Dialog =
  { kind: 'move'; videoId: string } | { kind: 'moveMany'; videoIds: string[] } | { kind: 'rename'; courseId: string } | { kind: 'reset' };

export type View = 'library' | 'notes' | 'stats' | 'settings';

export class UiState {
  view = $state<View>('library');
  /** The course list as a drawer over the page (narrow windows only; wide ones always show it). */
  drawerOpen = $state(false);
  /** Bumped to ask the data menu to open itself from the keyboard. */
  dataMenuRequest = $state(0);
  searchOpen = $state(false);
  helpOpen = $state(false);
  dialog = $state.raw<Dialog | null>(null);
  /** The lecture pane's summary is unfolded; kept while the student moves between lectures. */
  summaryOpen = $state(true);

  /** Show `v`, or go back to the lecture list when it is already showing. */
  toggleView(v: View): void {
    this.view = this.view === v ? 'library' : v;
  }

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
