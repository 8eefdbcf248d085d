import { pinyin } from 'pinyin-pro';

/**
 * Pinyin forms of Chinese names, so that "zhangwei", "zhang wei" and "zw" find 张伟.
 *
 * A name gets its full pinyin (readings joined, no tones) and its initials, in the reading the
 * dictionary gives in context (重庆 -> chongqing), plus, for each polyphonic character, the forms
 * with its other readings (单 -> dan, shan, chan), a few at most. ü is written both v and u (吕:
 * lv, lu). Characters that are not Chinese stay as they are (iPhone专卖店 -> iphonezhuanmaidian).
 */
const han = /\p{Script=Han}/u;
const maxForms = 4;

export function hasHan(text: string): boolean {
  return han.test(text);
}

const readingsCache = new Map<string, string[]>();

/** Every reading of one character, toneless, ü as v and as u. */
function readingsOf(char: string): string[] {
  let readings = readingsCache.get(char);
  if (!readings) {
    const raw = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true }) as string[];
    readings = [...new Set(raw.flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r])))];
    readingsCache.set(char, readings);
  }
  return readings;
}

/** One reading per character (the contextual one for Chinese, the character itself otherwise). */
function contextualReadings(chars: string[], text: string): string[] {
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true }) as string[];
  // pinyin-pro gives one element per character; should it ever not, read character by character.
  if (readings.length !== chars.length) return chars.map((c) => (han.test(c) ? (readingsOf(c)[0] ?? c) : c));
  return readings.map((r, i) => (han.test(chars[i] as string) ? r : (chars[i] as string)));
}

/** Full pinyin forms and initials forms of a normalised text (none without Chinese characters). */
function formsOf(normalized: string): { full: string[]; initials: string[] } {
  if (!hasHan(normalized)) return { full: [], initials: [] };
  const chars = Array.from(normalized);
  const main = contextualReadings(chars, normalized);
  const variants: string[][] = [main];
  // The other readings of polyphonic characters, one character at a time, first characters first
  // (a surname such as 单, 曾, 解 comes first).
  for (let i = 0; i < chars.length && variants.length < maxForms; i++) {
    const char = chars[i] as string;
    if (!han.test(char)) continue;
    const mainReading = main[i] as string;
    const alternatives = readingsOf(char).filter((r) => r !== mainReading);
    for (const reading of alternatives) {
      if (variants.length >= maxForms) break;
      variants.push(main.map((r, j) => (j === i ? reading : r)));
    }
  }
  const full = [...new Set(variants.map((v) => v.join('')))];
  const initials = [...new Set(variants.map((v) => v.map((r, j) => (han.test(chars[j] as string) ? r.charAt(0) : r)).join('')))];
  return { full, initials };
}

/**
 * The pinyin forms of a text already normalised for search (lower case, letters and digits):
 * full forms first, then initials; empty when it has no Chinese character.
 */
export function pinyinForms(normalized: string): string[] {
  const { full, initials } = formsOf(normalized);
  return [...new Set([...full, ...initials])];
}

/**
 * A query that mixes Chinese characters with Latin letters ("zhang伟") as full pinyin, in the
 * readings of its characters (a few at most): matched against the stored full forms.
 */
export function pinyinQueryForms(term: string): string[] {
  if (!/[a-z]/.test(term)) return [];
  return formsOf(term).full;
}
