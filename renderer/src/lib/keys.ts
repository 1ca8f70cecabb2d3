// The one table of key bindings. App.svelte and the playlist look keys up here to decide what
// to do, and the `?` help is drawn from it, so a key cannot work without being listed or be
// listed without working. Keys handled inside one component (a note's Ctrl+S, the search
// palette's own `/`) are listed here too, under the group where they apply.
import type { MessageKey } from './i18n/en';

/** What a key does in the app shell (App.svelte) or the lecture list (Playlist.svelte). */
export type AppAction =
  'help' | 'next' | 'note' | 'library' | 'notes' | 'stats' | 'settings' | 'sidebar' | 'courses' | 'data' | 'otherVersion';
export type ListAction =
  'down' | 'up' | 'pageDown' | 'pageUp' | 'first' | 'last' | 'open' | 'watch' | 'select' | 'selectAll' | 'clearSelection';
/** The in-app player's keys (YouTube's own), when the lecture list does not take the key first. */
export type PlayerAction = 'toggle' | 'back' | 'forward' | 'slower' | 'faster' | 'fullscreen';

export interface Binding<A = AppAction | ListAction | PlayerAction | null> {
  /** Alternatives; each is a chord written as KeyboardEvent.key values, `Mod` for Ctrl (⌘ on a Mac). */
  keys: string[][];
  what: MessageKey;
  group: 'app' | 'list' | 'player' | 'note' | 'dialog';
  action: A;
}

export const BINDINGS: readonly Binding[] = [
  { group: 'list', keys: [['ArrowDown'], ['j']], what: 'key.down', action: 'down' },
  { group: 'list', keys: [['ArrowUp'], ['k']], what: 'key.up', action: 'up' },
  { group: 'list', keys: [['PageDown']], what: 'key.pageDown', action: 'pageDown' },
  { group: 'list', keys: [['PageUp']], what: 'key.pageUp', action: 'pageUp' },
  { group: 'list', keys: [['Home']], what: 'key.first', action: 'first' },
  { group: 'list', keys: [['End']], what: 'key.last', action: 'last' },
  { group: 'list', keys: [['Enter']], what: 'key.open', action: 'open' },
  { group: 'list', keys: [['w'], [' ']], what: 'key.watch', action: 'watch' },
  // The playlist's selection; Shift with any movement key above extends it (no action of its own).
  {
    group: 'list',
    keys: [
      ['Shift', 'ArrowDown'],
      ['Shift', 'ArrowUp'],
    ],
    what: 'key.selectRange',
    action: null,
  },
  { group: 'list', keys: [['x']], what: 'key.select', action: 'select' },
  { group: 'list', keys: [['Mod', 'a']], what: 'key.selectAll', action: 'selectAll' },
  { group: 'list', keys: [['Escape']], what: 'key.clearSelection', action: 'clearSelection' },
  { group: 'app', keys: [['n']], what: 'key.next', action: 'next' },
  { group: 'app', keys: [['e']], what: 'key.note', action: 'note' },
  { group: 'app', keys: [['v']], what: 'key.otherVersion', action: 'otherVersion' },
  { group: 'app', keys: [['/'], ['Mod', 'k']], what: 'key.search', action: null },
  { group: 'app', keys: [['1']], what: 'key.library', action: 'library' },
  { group: 'app', keys: [['2']], what: 'key.notes', action: 'notes' },
  { group: 'app', keys: [['3']], what: 'key.stats', action: 'stats' },
  { group: 'app', keys: [['4'], [',']], what: 'key.settings', action: 'settings' },
  { group: 'app', keys: [['c']], what: 'key.courses', action: 'courses' },
  { group: 'app', keys: [['b']], what: 'key.sidebar', action: 'sidebar' },
  { group: 'app', keys: [['d']], what: 'key.data', action: 'data' },
  { group: 'app', keys: [['?']], what: 'key.help', action: 'help' },
  { group: 'player', keys: [['k'], [' ']], what: 'key.playPause', action: 'toggle' },
  { group: 'player', keys: [['j']], what: 'key.back10', action: 'back' },
  { group: 'player', keys: [['l']], what: 'key.forward10', action: 'forward' },
  { group: 'player', keys: [['<']], what: 'key.slower', action: 'slower' },
  { group: 'player', keys: [['>']], what: 'key.faster', action: 'faster' },
  { group: 'player', keys: [['f']], what: 'key.fullscreen', action: 'fullscreen' },
  { group: 'note', keys: [['Mod', 'Shift', 't']], what: 'key.stamp', action: null },
  { group: 'note', keys: [['Mod', 's']], what: 'key.save', action: null },
  { group: 'dialog', keys: [['Escape']], what: 'key.close', action: null },
];

function actionFor(group: Binding['group'], key: string): AppAction | ListAction | PlayerAction | null {
  for (const b of BINDINGS) {
    if (b.group !== group || b.action === null) continue;
    if (b.keys.some((chord) => chord.length === 1 && chord[0] === key)) return b.action;
  }
  return null;
}

/** The app-shell action for a plain key press (no modifiers), if any. */
export const appActionFor = (key: string) => actionFor('app', key) as AppAction | null;

/** The player's action for a plain key press, if any. */
export const playerActionFor = (key: string) => actionFor('player', key) as PlayerAction | null;

/** The lecture list's action for a plain key press, if any. */
export const listActionFor = (key: string) => actionFor('list', key) as ListAction | null;

/** The lecture list's action for Ctrl/⌘ with `key` (Ctrl+A), if any. */
export function listModActionFor(key: string): ListAction | null {
  const k = key.toLowerCase();
  const b = BINDINGS.find((x) => x.group === 'list' && x.keys.some((c) => c.length === 2 && c[0] === 'Mod' && c[1] === k));
  return (b?.action as ListAction | undefined) ?? null;
}

/** The first key bound to an app-shell action, for a button's tooltip ("Notes (2)"). */
export function firstKeyFor(action: AppAction): string {
  return BINDINGS.find((b) => b.group === 'app' && b.action === action)?.keys[0]?.join('+') ?? '';
}

const GLYPH: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  ' ': 'Space',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** How a key is printed on a <kbd>: arrows as arrows, Mod as ⌘ or Ctrl, letters as typed. */
export function keyLabel(key: string, isMac: boolean): string {
  if (key === 'Mod') return isMac ? '⌘' : 'Ctrl';
  if (key === 'Shift') return isMac ? '⇧' : 'Shift';
  return GLYPH[key] ?? key;
}
