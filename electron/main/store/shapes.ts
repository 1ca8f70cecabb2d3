// The data file's shapes as zod schemas, one per file version. Kept apart from the
// types and rules in schema.ts; types there describe the data in memory.
import { z } from 'zod';
import { filePrefsSchema, windowSchema } from '../../shared/prefs';

export const time = z.number().finite();
export const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const clockSchema = z.record(z.string(), seq);
export const noteSchema = z.object({ text: z.string(), updatedAt: time, clock: clockSchema.optional() });
export const deletedSchema = z.object({ clock: clockSchema, deletedAt: time });
export const markSchema = z.object({ at: time, clock: clockSchema.optional() });
export const correctionsSchema = z.object({ moves: z.record(z.string(), z.string()), titles: z.record(z.string(), z.string()) });

const seconds = z
  .number()
  .finite()
  .min(0)
  .max(48 * 3600);
export const playbackSchema = z.object({ position: seconds, duration: seconds, at: time });
/** Local day → videoId → seconds played. */
export const watchTimeSchema = z.record(
  z.string().regex(/^\d{4}-\d\d-\d\d$/),
  z.record(z.string(), z.number().finite().min(0).max(86_400)),
);

/**
 * Version 2. `deviceId`, `deviceSeq`, the notes' `clock` and `deletedNotes` came during
 * v2's development, before any release: optional, so v2 files written without them still load.
 */
export const v2Schema = z.object({
  schemaVersion: z.literal(2),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  deviceSeq: seq.optional(),
  // Null in files an older version wrote before it knew the folder; read as not set.
  home: z.string().max(8192).nullish(),
  watched: z.record(z.string(), time),
  notes: z.record(z.string(), noteSchema),
  deletedNotes: z.record(z.string(), deletedSchema).optional(),
  corrections: correctionsSchema,
  prefs: filePrefsSchema,
  window: windowSchema.nullable(),
});

/** Version 3: watched marks carry clocks, and removed marks stay as `unwatched`. */
export const v3Schema = v2Schema.extend({
  schemaVersion: z.literal(3),
  watched: z.record(z.string(), markSchema),
  unwatched: z.record(z.string(), markSchema.required()),
  // Added with the player, within v3: older v3 files have neither.
  playback: z.record(z.string(), playbackSchema).optional(),
  watchTime: watchTimeSchema.optional(),
});

/** The foundation's format. `watched` values were `true`; false is accepted and means not watched. */
export const v1Schema = z.object({
  schemaVersion: z.literal(1),
  watched: z.record(z.string(), z.boolean()),
  lastVideoId: z.string().nullable().optional(),
  window: windowSchema.nullable().optional(),
});
