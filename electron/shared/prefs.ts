// The student's preferences and the saved window: each shape is one zod schema, and its
// type is derived from it, so the data file, the contract and the window code cannot
// drift apart. A new preference goes into `laterPrefs` with its default in DEFAULT_PREFS;
// the data file, setPrefs and the Prefs type follow.
// Imports nothing from electron, node or the DOM.
import { z } from 'zod';

export const UI_LANGUAGES = ['en', 'zh-TW'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The UI language before the student chooses one in Settings: the first of the OS's (or the
 * browser's) preferred languages that we have, English otherwise. Any Chinese gets zh-TW: the
 * catalog's content is Traditional Chinese. The page and the main process's native dialogs both use it.
 */
export function detectLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-TW';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const AFTER_LAST = ['stop', 'wrap'] as const;

/** The preferences every data file has held since the first release. */
const firstPrefs = z.object({
  /** Show the playlist in plain upload order instead of course order. */
  uploadOrder: z.boolean(),
  /** List courses newest first instead of by first upload. */
  newestFirst: z.boolean(),
  lastVideoId: z.string().nullable(),
  lastCourseId: z.string().nullable(),
});

/** Preferences added later: files written before them lack them, and reading fills in the defaults. */
const laterPrefs = z.object({
  /** The UI language; null follows the OS or browser locale. */
  language: z.enum(UI_LANGUAGES).nullable(),
  theme: z.enum(THEMES),
  /** Share of a lecture's length played before it counts as watched (0..1); null turns auto-marking off. */
  autoMarkShare: z.number().min(0).max(1).nullable(),
  /** What Next up does after the last course: stop and say so, or wrap to the first course with lectures left. */
  afterLast: z.enum(AFTER_LAST),
  /** Lectures a day the student aims for; 0 means no goal. */
  dailyGoal: z.number().int().min(0).max(100),
  /** File name of the set-aside data file whose notice the student dismissed, so the same event stays quiet. */
  dismissedRecovery: z.string().nullable(),
  /** The in-app player's speed, kept for every lecture. */
  playbackRate: z.number().min(0.25).max(2),
  /** Watching a lecture marks its other-language version too (中文版 / English version). */
  linkedWatched: z.boolean(),
  /** The lecture pane's player is folded to its bar (time and speed), leaving room for the note. */
  playerFolded: z.boolean(),
});

/** Every preference, as the app holds them in memory. */
export const prefsSchema = firstPrefs.extend(laterPrefs.shape);
export type Prefs = z.output<typeof prefsSchema>;

/** The preferences as the data file holds them. */
export const filePrefsSchema = firstPrefs.extend(laterPrefs.partial().shape);

export const DEFAULT_PREFS: Readonly<Prefs> = {
  uploadOrder: false,
  newestFirst: false,
  lastVideoId: null,
  lastCourseId: null,
  language: null,
  theme: 'system',
  autoMarkShare: 0.9,
  playbackRate: 1,
  // Off: a mark changes only the lecture marked, as it always did; a student who counts one
  // version as enough turns it on in Settings.
  linkedWatched: false,
  afterLast: 'wrap',
  dailyGoal: 0,
  dismissedRecovery: null,
  playerFolded: false,
};

/** The window's last size and place, in screen pixels, and whether it was maximized. */
export const windowSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite(),
  height: z.number().finite(),
  maximized: z.boolean(),
});

export type WindowState = z.output<typeof windowSchema>;
