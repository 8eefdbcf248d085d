import { z } from 'zod';

/**
 * The one rule for characters in text the API accepts (bodies, query strings, path parameters,
 * object keys, import cells): no C0 control character (U+0000-U+001F) and no broken UTF-16 (an
 * unpaired surrogate), which PostgreSQL cannot store and no one can type. Tab, line feed and
 * carriage return are allowed inside fields declared multi-line with `multiline()`: notes,
 * descriptions, reasons and the person archive's free-text answers, the fields the web app edits
 * in a text area. Every other field is one line (a line break at either end is trimmed anyway).
 * The server applies it centrally to every parse (server/src/platform/text-input.ts).
 */
export const multilineMeta = { multiline: true } as const;

const lineBreaks = /[\t\n\r]/;
// eslint-disable-next-line no-control-regex -- the point of this rule
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// A high surrogate without its low half, or a low one without its high half.
const unpaired = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be accepted: `character` (a control character or broken Unicode), `lines` (a line break in a one-line field), or null. */
export function textProblem(value: string, multiline: boolean): 'character' | 'lines' | null {
  if (controls.test(value) || unpaired.test(value)) return 'character';
  if (!multiline && lineBreaks.test(value.trim())) return 'lines';
  return null;
}

/** Optional multi-line free text (notes, descriptions): trimmed, empty string becomes null, tabs and line breaks kept. */
export function multiline(max: number) {
  return multilineString(max)
    .transform((v) => (v === '' ? null : v))
    // Declares what the transform returns, so the OpenAPI document can say it (a string or null).
    .pipe(z.string().nullable())
    .nullable();
}

/** A trimmed multi-line string of at most `max` characters, for schemas that shape it further. */
export function multilineString(max: number) {
  return z.string().trim().max(max).meta(multilineMeta);
}
