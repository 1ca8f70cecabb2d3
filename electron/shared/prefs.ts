// The student's preferences and the saved window: each shape is one zod schema, and its
// type is derived from it, so the data file, the contract and the window code cannot
// drift apart. Add a preference here (with its default) and setPrefs accepts it too.
// Imports nothing from electron, node or the DOM.
import { z } from 'zod';

export const prefsSchema = z.object({
  /** Show the playlist in plain upload order instead of course order. */
  uploadOrder: z.boolean(),
  /** List courses newest first instead of by first upload. */
  newestFirst: z.boolean(),
  lastVideoId: z.string().nullable(),
  lastCourseId: z.string().nullable(),
});

export type Prefs = z.output<typeof prefsSchema>;

export const DEFAULT_PREFS: Readonly<Prefs> = { uploadOrder: false, newestFirst: false, lastVideoId: null, lastCourseId: null };

/** The window's last size and place, in screen pixels, and whether it was maximized. */
export const windowSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite(),
  height: z.number().finite(),
  maximized: z.boolean(),
});

export type WindowState = z.output<typeof windowSchema>;
