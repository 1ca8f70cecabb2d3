// The one table of key bindings. App.svelte and the playlist look keys up here to decide what
// to do, and the `?` help is drawn from it, so a key cannot work without being listed or be
// listed without working. Keys handled inside one component (a note's Ctrl+S, the search
// palette's own `/`) are listed here too, under the group where they apply.
import type { MessageKey } from './i18n/en';

/** What a key does in the app shell (App.svelte) or the lecture list (Playlist.svelte). */
export type AppAction =
  'help' | 'next' | 'note' | 'library' | 'notes' | 'stats' | 'settings' | 'sidebar' | 'courses' | 'data' | 'otherVersion' | 'foldPlayer';
export type ListAction =
  'down' | 'up' | 'pageDown' | 'pageUp' | 'first' | 'last' | 'open' | 'watch' | 'select' | 'selectAll' | 'clearSelection';
/** The in-app player's keys (YouTube's own), when the lecture list does not take the key first. */
export type PlayerAction = 'toggle' | 'back' | 'forward' | 'slower' | 'faster' | 'fullscreen';
/** The Data menu's actions: `d`, then one letter, reaches each (DataMenu.svelte). */
export type MenuAction = 'exportOne' | 'exportAll' | 'exportPer' | 'backup' | 'merge' | 'restore';
type Action = AppAction | ListAction | PlayerAction | MenuAction;

export interface Binding<A = Action | null> {
  /** Alternatives; each is a chord written as KeyboardEvent.key values, `Mod` for Ctrl (⌘ on a Mac). */
  keys: string[][];
  what: MessageKey;
  group: 'app' | 'list' | 'player' | 'menu' | 'note' | 'dialog';
  action: A;
}

/** Rows of one group: `row(what, action, ...alternatives)`, each alternative a chord. */
const rows =
  (group: Binding['group']) =>
  (what: MessageKey, action: Action | null, ...keys: string[][]): Binding => ({ group, keys, what, action });
const list = rows('list');
const app = rows('app');
const player = rows('player');
const menu = rows('menu');

export const BINDINGS: readonly Binding[] = [
  list('key.down', 'down', ['ArrowDown'], ['j']),
  list('key.up', 'up', ['ArrowUp'], ['k']),
  list('key.pageDown', 'pageDown', ['PageDown']),
  list('key.pageUp', 'pageUp', ['PageUp']),
  list('key.first', 'first', ['Home']),
  list('key.last', 'last', ['End']),
  list('key.open', 'open', ['Enter']),
  list('key.watch', 'watch', ['w'], [' ']),
  // The playlist's selection; Shift with any movement key above extends it (no action of its own).
  list('key.selectRange', null, ['Shift', 'ArrowDown'], ['Shift', 'ArrowUp']),
  list('key.select', 'select', ['x']),
  list('key.selectAll', 'selectAll', ['Mod', 'a']),
  list('key.clearSelection', 'clearSelection', ['Escape']),
  app('key.next', 'next', ['n']),
  app('key.note', 'note', ['e']),
  app('key.otherVersion', 'otherVersion', ['v']),
  app('key.search', null, ['/'], ['Mod', 'k']),
  app('key.library', 'library', ['1']),
  app('key.notes', 'notes', ['2']),
  app('key.stats', 'stats', ['3']),
  app('key.settings', 'settings', ['4'], [',']),
  app('key.courses', 'courses', ['c']),
  app('key.sidebar', 'sidebar', ['b']),
  app('key.data', 'data', ['d']),
  app('key.foldPlayer', 'foldPlayer', ['p']),
  app('key.help', 'help', ['?']),
  player('key.playPause', 'toggle', ['k'], [' ']),
  player('key.back10', 'back', ['j']),
  player('key.forward10', 'forward', ['l']),
  player('key.slower', 'slower', ['<']),
  player('key.faster', 'faster', ['>']),
  player('key.fullscreen', 'fullscreen', ['f']),
  // Inside the open Data menu: one letter runs an action, so each is `d` + one key away.
  menu('data.exportOne', 'exportOne', ['o']),
  menu('data.exportAllSingle', 'exportAll', ['a']),
  menu('data.exportAllPer', 'exportPer', ['p']),
  menu('data.backup', 'backup', ['b']),
  menu('data.merge', 'merge', ['m']),
  menu('data.restoreAuto', 'restore', ['r']),
  menu('key.menu.move', null, ['ArrowDown'], ['ArrowUp'], ['Home'], ['End']),
  rows('note')('key.stamp', null, ['Mod', 'Shift', 't']),
  rows('note')('key.save', null, ['Mod', 's']),
  rows('dialog')('key.close', null, ['Escape']),
];

function actionFor(group: Binding['group'], key: string): Action | null {
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

/** The Data menu's action for a plain key press, if any. */
export const menuActionFor = (key: string) => actionFor('menu', key) as MenuAction | null;

/** The first key of a Data menu action, shown beside it. */
export const menuKeyFor = (action: MenuAction) => BINDINGS.find((b) => b.group === 'menu' && b.action === action)?.keys[0]?.[0] ?? '';

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
