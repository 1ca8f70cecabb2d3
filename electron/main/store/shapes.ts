// The data file's shapes as zod schemas, one per file version. Kept apart from the
// types and rules in schema.ts; types there describe the data in memory.
import { z } from 'zod';
import { AFTER_LAST, THEMES, UI_LANGUAGES } from '../../shared/contract';

export const time = z.number().finite();
export const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const clockSchema = z.record(z.string(), seq);
export const noteSchema = z.object({ text: z.string(), updatedAt: time, clock: clockSchema.optional() });
export const deletedSchema = z.object({ clock: clockSchema, deletedAt: time });
export const markSchema = z.object({ at: time, clock: clockSchema.optional() });
export const windowSchema = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite(), height: z.number().finite(), maximized: z.boolean() });
export const correctionsSchema = z.object({ moves: z.record(z.string(), z.string()), titles: z.record(z.string(), z.string()) });
export const prefsSchema = z.object({
  uploadOrder: z.boolean(),
  newestFirst: z.boolean(),
  lastVideoId: z.string().nullable(),
  lastCourseId: z.string().nullable(),
  // Later additions are optional in the file, so files written before them still load.
  language: z.enum(UI_LANGUAGES).nullable().optional(),
  theme: z.enum(THEMES).optional(),
  autoMarkShare: z.number().min(0).max(1).nullable().optional(),
  afterLast: z.enum(AFTER_LAST).optional(),
  dailyGoal: z.number().int().min(0).max(100).optional(),
  dismissedRecovery: z.string().nullable().optional(),
});

/**
 * Version 2. `deviceId`, `deviceSeq`, the notes' `clock` and `deletedNotes` came during
 * v2's development, before any release: optional, so v2 files written without them still load.
 */
export const v2Schema = z.object({
  schemaVersion: z.literal(2),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  deviceSeq: seq.optional(),
  home: z.string().max(8192).optional(),
  watched: z.record(z.string(), time),
  notes: z.record(z.string(), noteSchema),
  deletedNotes: z.record(z.string(), deletedSchema).optional(),
  corrections: correctionsSchema,
  prefs: prefsSchema,
  window: windowSchema.nullable(),
});

/** Version 3: watched marks carry clocks, and removed marks stay as `unwatched`. */
export const v3Schema = v2Schema.extend({
  schemaVersion: z.literal(3),
  watched: z.record(z.string(), markSchema),
  unwatched: z.record(z.string(), markSchema.required()),
});

/** The foundation's format. `watched` values were `true`; false is accepted and means not watched. */
export const v1Schema = z.object({
  schemaVersion: z.literal(1),
  watched: z.record(z.string(), z.boolean()),
  lastVideoId: z.string().nullable().optional(),
  window: windowSchema.nullable().optional(),
});
