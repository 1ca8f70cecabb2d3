// Numbers as the channel writes them in titles: digits, Roman numerals (Part II) and Chinese
// numerals (第十二講, (十二)), and the full-width folding that lets ASCII patterns read them.
// Pure: no node, no electron.

// Full-width ASCII variants (U+FF01–FF5E) and the ideographic space map one UTF-16
// unit to one, so indexes found in the folded text slice the original text: the
// stem keeps its `？` and `：` for display while the patterns only need ASCII.
const FOLDABLE = /[\uFF01-\uFF5E\u3000]/u;
export function foldWidth(text: string): string {
  // Most titles have nothing to fold: a test is cheaper than a replace with a callback.
  if (!FOLDABLE.test(text)) return text;
  // fromCharCode takes the codes as arguments: fine for a title, not for a page of text.
  if (text.length > MAX_SPREAD) return text.replace(/[\uFF01-\uFF5E\u3000]/gu, (ch) => String.fromCharCode(foldCode(ch.charCodeAt(0))));
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes.push(foldCode(c));
  }
  return String.fromCharCode(...codes);
}
const MAX_SPREAD = 4096;
const foldCode = (c: number) => (c === 0x3000 ? 32 : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c);

const ZH_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
export const ZH_NUMERAL = '[零〇一二兩三四五六七八九十百]+';

/** Chinese numerals up to 999 (`十二` → 12, `二十` → 20, `一百零五` → 105); null if malformed. */
export function parseChineseNumeral(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = Object.hasOwn(ZH_DIGITS, ch) ? ZH_DIGITS[ch] : undefined;
    if (d !== undefined) {
      // 零 inside a number only marks a skipped place (一百零五 = 105)
      if (d === 0 && text.length > 1) continue;
      if (digit !== null) return null; // two digits in a row: not a numeral we write
      digit = d;
    } else if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      // a bare 十 at the start means ten (十二 = 12)
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** Roman numerals I…CC, case-insensitive; null if not one. */
export function parseRomanNumeral(text: string): number | null {
  const s = text.toLowerCase();
  if (!/^[ivxlc]+$/u.test(s)) return null;
  let total = 0;
  // The regex above let only the letters ROMAN maps through.
  const values = [...s].map((ch) => ROMAN[ch] ?? 0);
  values.forEach((v, i) => {
    total += v < (values[i + 1] ?? 0) ? -v : v;
  });
  return total > 0 ? total : null;
}

export function parseNumber(text: string): number | null {
  if (/^\d+$/u.test(text)) return Number(text);
  return parseRomanNumeral(text) ?? parseChineseNumeral(text);
}
