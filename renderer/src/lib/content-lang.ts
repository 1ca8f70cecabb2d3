// Titles, summaries and notes are mostly Traditional Chinese inside an English UI. Marking
// them makes the browser pick Traditional glyph forms (with lang="en", Chinese falls back to
// Japanese forms: ，。 sit at the bottom left) and lets a screen reader switch voice.
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function contentLang(text: string): 'zh-Hant' | 'en' {
  return HAN.test(text) ? 'zh-Hant' : 'en';
}
