// Every UI string goes through i18next with an English and a zh-TW catalog. These tests fail
// when a key is missing from either catalog, when code uses a key no catalog has, or when the
// zh-TW text is just the English left untranslated.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/lib/i18n/en';
import { zhTW } from '../../../renderer/src/lib/i18n/zh-TW';
import { ERROR_MESSAGES } from '../../../electron/shared/wire';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, '');
/** Keys whose text is the same in both languages on purpose: names of things and languages. */
const SAME_ON_PURPOSE = new Set(['app.title', 'lang.en', 'lang.zh-TW']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

const SRC = join(import.meta.dirname, '../../../renderer/src');
/** Every `t('key'` in the renderer, with where it is. */
function keysInCode(): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  // The catalogs' own comments show t() in use; they are not callers.
  for (const file of sourceFiles(SRC).filter((f) => !f.includes('/lib/i18n/'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*(['"`])([^'"`]+)\1/g)) out.push({ key: m[2]!, file });
  }
  return out;
}

describe('UI catalogs', () => {
  const enBase = new Set(Object.keys(en).map(base));
  const zhBase = new Set(Object.keys(zhTW).map(base));

  it('have the same keys in English and zh-TW', () => {
    expect([...enBase].filter((k) => !zhBase.has(k))).toEqual([]);
    expect([...zhBase].filter((k) => !enBase.has(k))).toEqual([]);
  });

  it('give every English plural its other form', () => {
    for (const k of Object.keys(en)) if (k.endsWith('_one')) expect(Object.keys(en)).toContain(k.replace(/_one$/, '_other'));
  });

  it('translate every zh-TW string (no English left in place)', () => {
    const zh = zhTW as Record<string, string>;
    const left = Object.entries(en as Record<string, string>)
      .filter(([k, v]) => !SAME_ON_PURPOSE.has(k) && zh[k.replace(/_one$/, '_other')] === v)
      .map(([k]) => k);
    expect(left).toEqual([]);
  });

  it('keep the same {{placeholders}} in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const zh = zhTW as Record<string, string>;
    for (const [k, v] of Object.entries(en as Record<string, string>)) {
      const z = zh[k.replace(/_one$/, '_other')];
      if (z !== undefined && !k.endsWith('_one')) expect(holes(z), k).toEqual(holes(v));
    }
  });

  it('hold every key the renderer uses', () => {
    const used = keysInCode();
    expect(used.length).toBeGreaterThan(0);
    const missing = used.filter(({ key }) => !enBase.has(key) || !zhBase.has(key)).map(({ key, file }) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('finds a key the catalogs lack (the scan itself works)', () => {
    const probe = "t('no.such.key')";
    const m = [...probe.matchAll(/\bt\(\s*(['"`])([^'"`]+)\1/g)][0];
    expect(m?.[2]).toBe('no.such.key');
    expect(enBase.has('no.such.key')).toBe(false);
  });

  it('word every error the service names, in English and zh-TW (errors cross the wire as keys)', () => {
    const lacking = ERROR_MESSAGES.map((k) => `error.${k}`).filter((k) => !enBase.has(k) || !zhBase.has(k));
    expect(lacking).toEqual([]);
    // And no catalog words an error the service cannot name.
    const named = new Set<string>(ERROR_MESSAGES.map((k) => `error.${k}`));
    expect([...enBase].filter((k) => k.startsWith('error.') && !named.has(k))).toEqual([]);
  });
});
