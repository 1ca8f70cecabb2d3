// Builds large, realistic catalog pages for benchmarks and fuzz tests by cycling through the
// entries of the real fixture pages with fresh ids, so sizes and title shapes stay true to life.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCatalog } from '../electron/main/catalog/parse';
import type { CatalogEntry } from '../electron/shared/types';

const FIXTURES = resolve(import.meta.dirname, '../../shared/fixtures/catalog');
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

let sources: CatalogEntry[] | null = null;
function fixtureEntries(): CatalogEntry[] {
  if (!sources) {
    sources = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .flatMap((f) => parseCatalog(readFileSync(resolve(FIXTURES, f), 'utf8'), f).entries)
      .sort((a, b) => a.index - b.index);
  }
  return sources;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cycle k > 0 gets its own course tags, so course counts grow with the catalog as they would for real. */
function retag(title: string, k: number): string {
  if (k === 0) return title;
  let t = title.replace(/【([^】]{1,80})】/, (_m, tag: string) => `【${tag}-${k}】`);
  if (t === title) t = title.replace(/^\[([^\]]{1,80})\]/, (_m, tag: string) => `[${tag} ${k}]`);
  return t;
}

const escapeTitle = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function block(index: number, e: CatalogEntry, id: string, title: string): string {
  const date = e.date ? `[${e.date}] ` : '';
  return `<details>
<summary>${index}. ${date}${escapeTitle(title)}</summary><br>

<a href="https://www.youtube.com/watch?v=${id}" target="_blank">
    <img src="https://img.youtube.com/vi/${id}/maxresdefault.jpg" 
        alt="[Youtube]" width="200">
</a>

# ${title}

${e.summary}
</details>

`;
}

/** A catalog page of `count` entries (indexes 1..count, ascending), deterministic for a given seed. */
export function generateCatalog(count: number, seed = 1): string {
  const src = fixtureEntries();
  const rand = mulberry32(seed);
  const used = new Set<string>();
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    let id: string;
    do {
      id = '';
      for (let j = 0; j < 11; j++) id += ID_CHARS[Math.floor(rand() * 64)];
    } while (used.has(id));
    used.add(id);
    const e = src[i % src.length];
    if (!e) throw new Error('generate: no source entries');
    parts.push(block(i + 1, e, id, retag(e.title, Math.floor(i / src.length))));
  }
  return parts.join('');
}

export function writeGeneratedCatalog(count: number, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateCatalog(count));
}

/** bench/.cache/catalog-<count>.md (git-ignored), written on first use. */
export function generatedCatalogPath(count: number): string {
  const path = resolve(import.meta.dirname, '.cache', `catalog-${count}.md`);
  if (!existsSync(path)) writeGeneratedCatalog(count, path);
  return path;
}
