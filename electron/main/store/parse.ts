// Reading a data file's (or backup's) text: validation, the migrations from older
// versions, and salvaging what a newer version wrote. Pure functions over text and
// objects: no file access here, so every rule is easy to test.
import type { z } from 'zod';
import { markSchema, noteSchema, v1Schema, v2Schema, v3Schema } from './shapes';
import { prefsSchema, windowSchema } from '../../shared/prefs';
import { defaultData, definedOnly, normalize, SCHEMA_VERSION, type Parsed, type StoreData, type WatchMark } from './schema';

/** v2 → v3: the marks keep their time and have no clock (a merge compares their times). */
export function migrateV2(v2: z.infer<typeof v2Schema>): StoreData {
  const watched: Record<string, WatchMark> = {};
  for (const [id, at] of Object.entries(v2.watched)) watched[id] = { at };
  return normalize({ ...(v2 as Omit<Parsed, 'watched'>), watched });
}

/** v1 → v2. `now` stamps the watched marks, since v1 never recorded when. */
export function migrateV1(v1: z.infer<typeof v1Schema>, now: number): StoreData {
  const data = defaultData();
  for (const [id, w] of Object.entries(v1.watched)) if (w) data.watched[id] = { at: now };
  data.prefs.lastVideoId = v1.lastVideoId ?? null;
  data.window = v1.window ?? null;
  return data;
}

export type ParseOutcome =
  /** Current version, valid. */
  | { kind: 'current'; data: StoreData }
  /** An older supported version, migrated in memory (the caller backs up the original first). */
  | { kind: 'migrated'; from: number; data: StoreData }
  /** Written by a newer version: as much as parses, for reading only. */
  | { kind: 'newer'; version: number; data: StoreData }
  | { kind: 'invalid'; reason: string };

/** A data file's JSON, or why it is none. */
export function parseJsonText(text: string): { raw: unknown } | { kind: 'invalid'; reason: string } {
  // A BOM from a hand edit in some editors is the only leniency: JSON.parse rejects it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'invalid', reason: 'the file is empty' };
  try {
    return { raw: JSON.parse(body) as unknown };
  } catch (e) {
    return { kind: 'invalid', reason: `it is not valid JSON (${(e as Error).message})` };
  }
}

/** Classify and load a data file's (or backup's) text. Never throws. */
export function parseStoreText(text: string, now: number): ParseOutcome {
  const json = parseJsonText(text);
  return 'raw' in json ? parseStoreValue(json.raw, now) : json;
}

export function parseStoreValue(raw: unknown, now: number): ParseOutcome {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      kind: 'invalid',
      reason: `it holds ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : 'a ' + typeof raw}, not Lecture Companion data`,
    };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'invalid', reason: 'it has no schemaVersion, so it is not Lecture Companion data' };
  }
  if (version > SCHEMA_VERSION) return { kind: 'newer', version, data: salvage(raw as Record<string, unknown>) };
  if (version === 1) {
    const r = v1Schema.safeParse(raw);
    if (!r.success) return { kind: 'invalid', reason: describe(r.error) };
    return { kind: 'migrated', from: 1, data: migrateV1(r.data, now) };
  }
  if (version === 2) {
    const r = v2Schema.safeParse(raw);
    if (!r.success) return { kind: 'invalid', reason: describe(r.error) };
    return { kind: 'migrated', from: 2, data: migrateV2(r.data) };
  }
  const r = v3Schema.safeParse(raw);
  if (!r.success) return { kind: 'invalid', reason: describe(r.error) };
  return { kind: 'current', data: normalize(r.data as Parsed) };
}

function describe(err: z.ZodError): string {
  const first = err.issues[0];
  return `it does not match the expected shape (${first?.path.join('.') || 'root'}: ${first?.message ?? 'invalid'})`;
}

/**
 * Best-effort read of a newer version's file: keep every entry that still has the
 * shape this version knows, so the student can at least read their notes.
 */
function salvage(raw: Record<string, unknown>): StoreData {
  const data = defaultData();
  const rec = (v: unknown): Record<string, unknown> =>
    v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  for (const [id, v] of Object.entries(rec(raw.watched))) {
    if (id === '__proto__') continue;
    const m = markSchema.safeParse(v);
    if (m.success) data.watched[id] = { at: m.data.at };
    else if (typeof v === 'number' && Number.isFinite(v)) data.watched[id] = { at: v };
    else if (v === true) data.watched[id] = { at: 0 };
  }
  for (const [id, v] of Object.entries(rec(raw.notes))) {
    const n = noteSchema.safeParse(v);
    if (id !== '__proto__' && n.success) data.notes[id] = { text: n.data.text, updatedAt: n.data.updatedAt };
  }
  const c = rec(raw.corrections);
  for (const key of ['moves', 'titles'] as const) {
    for (const [k, v] of Object.entries(rec(c[key]))) if (k !== '__proto__' && typeof v === 'string') data.corrections[key][k] = v;
  }
  const p = prefsSchema.partial().safeParse(raw.prefs);
  if (p.success) Object.assign(data.prefs, definedOnly(p.data));
  const w = windowSchema.safeParse(raw.window);
  if (w.success) data.window = w.data;
  return data;
}
