// English UI strings. Keys are flat ('area.what'); plurals use i18next's `_one`/`_other`
// suffixes and are called with the base key and `count`. zh-TW.ts must have every key
// (the compiler checks it; tests/unit/renderer/i18n.test.ts checks the code's keys too).
export const en = {
  'app.title': 'Lecture Companion',
  'app.loadError': 'Could not load the library',
  'app.tryAgain': 'Try again',
  'app.loading': 'Loading the catalog…',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'lang.en': 'English',
  'lang.zh-TW': '繁體中文',
} as const;

type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** Keys as code passes them to t(): plural forms by their base key. */
export type MessageKey = Base<keyof typeof en>;
/** What another language's catalog must hold: every key, with the plural forms its language uses. */
export type Catalog = { [K in keyof typeof en as K extends `${string}_one` ? never : K]: string };
