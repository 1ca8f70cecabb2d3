// English UI strings, one catalog merged from one file per area (en/*.ts). Keys are flat
// ('area.what'); plurals use i18next's `_one`/`_other` suffixes and are called with the base
// key and `count`. zh-TW.ts must have every key (the compiler checks it, area by area;
// tests/unit/renderer/i18n.test.ts checks the code's keys too).
// Use: `import { t } from '../i18n/locale.svelte'` and `t('key', { name })` for {{name}}.
import { enData } from './en/data';
import { enErrors } from './en/errors';
import { enKeys } from './en/keys';
import { enLibrary } from './en/library';
import { enViews } from './en/views';

export const en = { ...enLibrary, ...enViews, ...enData, ...enErrors, ...enKeys } as const;

type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** Keys as code passes them to t(): plural forms by their base key. */
export type MessageKey = Base<keyof typeof en>;
/** What another language's part of the catalog must hold: every key, with the plural forms its language uses. */
export type CatalogOf<T> = { [K in keyof T as K extends `${string}_one` ? never : K]: string };
export type Catalog = CatalogOf<typeof en>;
