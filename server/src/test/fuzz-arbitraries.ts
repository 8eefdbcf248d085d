import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document (the route registry's own
 * schemas): values that follow a schema, and the same values broken at one place (wrong types,
 * nulls, huge and negative numbers, deep nesting, `__proto__` keys, odd Unicode, NUL).
 */
export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
};

/** Long strings and big lists slow every run down without finding more: valid samples stay short. */
const shortText = 40;
const fewItems = 4;

function bounds(s: JsonSchema): { min: number; max: number } {
  let min = s.minimum ?? -(2 ** 31);
  let max = s.maximum ?? 2 ** 31 - 1;
  if (s.exclusiveMinimum === true) min += 1;
  else if (typeof s.exclusiveMinimum === 'number') min = s.exclusiveMinimum + 1;
  if (s.exclusiveMaximum === true) max -= 1;
  else if (typeof s.exclusiveMaximum === 'number') max = s.exclusiveMaximum - 1;
  return { min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) };
}

function text(s: JsonSchema): fc.Arbitrary<string> {
  const maxLength = Math.min(s.maxLength ?? shortText, shortText);
  const minLength = Math.min(s.minLength ?? 0, maxLength);
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? Infinity));
    } catch {
      // a pattern fast-check cannot invert: plain text, the server refuses it properly
    }
  }
  return fc.string({ minLength, maxLength });
}

function object(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(s.properties ?? {});
  const known = fc.record(Object.fromEntries(properties.map(([key, p]) => [key, valid(p, depth + 1)])), { requiredKeys: (s.required ?? []).filter((k) => k in (s.properties ?? {})) });
  if (typeof s.additionalProperties !== 'object') return known;
  const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), valid(s.additionalProperties, depth + 1), { maxKeys: 3 });
  return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }));
}

function typed(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const options = s.anyOf ?? s.oneOf;
  if (options && options.length > 0) return fc.oneof(...options.map((o) => valid(o, depth + 1)));
  if (s.allOf?.[0]) return valid(s.allOf[0], depth + 1);
  switch (s.type) {
    case 'string':
      return text(s);
    case 'integer':
      return fc.integer(bounds(s));
    case 'number': {
      const { min, max } = bounds(s);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? fewItems, fewItems)) });
    case 'object':
      return object(s, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value the schema describes (give or take what only the server checks: existing ids, email syntax). */
export function valid(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  const base = typed(s, depth);
  return s.nullable ? fc.option(base, { nil: null }) : base;
}

/** Replaced in the JSON text by thousands of nested arrays or objects (JSON.stringify cannot make them). */
export class DeepNesting {
  constructor(readonly depth: number, readonly kind: '[' | '{') {}
  toJSON(): string {
    return `@@deep:${this.kind}:${this.depth}@@`;
  }
}

/** JSON text of a sample, with the deep nesting markers expanded. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"@@deep:([[{]):(\d+)@@"/g, (_m, kind: string, depth: string) => {
    const n = Number(depth);
    return kind === '[' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}null${'}'.repeat(n)}`;
  });
}

const oddText = [
  '\u0000', 'a\u0000b', '\u0001\u001f', '\t\n\r', '\ud800', 'x\udfffy', '\u202e\u2066', '\ufeff', '\u200b\u200d', '\uffff', '\u0085\u2028',
  '𝕏😀👨‍👩‍👧', 'e\u0301\u0301\u0301', '%00', '%ZZ', ' 1', '1e0', '0x1', '+1', '-0', 'NaN', 'Infinity', 'null', 'true', '[]', '{}',
  "'; drop table customers; --", '\\', '%_\\', '../../etc/passwd', '<script>alert(1)</script>', '=HYPERLINK("x")',
];
const oddNumbers = [0, -1, 0.5, -0.000001, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 9_999_999_999, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e21, 1e308, -1e308, 5e-324];

/** A value that no field wants: wrong types, nulls, extremes, odd Unicode, deep nesting. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { a: { b: { c: null } } }, ...oddText, ...oddNumbers),
  fc.constantFrom(new DeepNesting(5000, '['), new DeepNesting(3000, '{')),
  fc.constant('x'.repeat(100_001)),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1, max: 50 }).map((n) => Array.from({ length: n * 100 }, () => 'a')),
);

type Container = Record<string, unknown> | unknown[];

/** Every object and array inside a value, the value itself first. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (value === null || typeof value !== 'object' || value instanceof DeepNesting) return out;
  out.push(value as Container);
  for (const v of Object.values(value)) containers(v, out);
  return out;
}

/** An own, enumerable `__proto__` key (what JSON.parse makes of one in a body). */
function withProto(target: Record<string, unknown>, value: unknown): void {
  Object.defineProperty(target, '__proto__', { value, enumerable: true, configurable: true, writable: true });
}

/** Every string of a value replaced by `text`, every number by `n` (so a bad value reaches every column at once). */
function everyLeaf(value: unknown, text: string, n: number): unknown {
  if (typeof value === 'string') return text;
  if (typeof value === 'number') return n;
  if (Array.isArray(value)) return value.map((v) => everyLeaf(v, text, n));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyLeaf(v, text, n)]));
  return value;
}

/**
 * A valid sample broken: at one place (a field replaced by a nasty value, an unknown field added,
 * a `__proto__` key), in every text and number at once, or replaced as a whole.
 */
export function broken(s: JsonSchema): fc.Arbitrary<unknown> {
  const how = fc.constantFrom('replace', 'add', 'proto', 'leaves', 'whole');
  const leaf = fc.tuple(fc.constantFrom(...oddText), fc.constantFrom(...oddNumbers));
  return fc.tuple(valid(s), fc.nat(), nasty, how, leaf).map(([sample, pick, bad, how, [text, n]]) => {
    if (how === 'whole') return bad;
    if (how === 'leaves') return everyLeaf(sample, text, n);
    const copy = structuredClone(sample);
    const places = containers(copy);
    const place = places[pick % Math.max(1, places.length)];
    if (!place) return bad;
    if (Array.isArray(place)) {
      if (how === 'add' || place.length === 0) place.push(bad);
      else place[pick % place.length] = bad;
      return copy;
    }
    const keys = Object.keys(place);
    if (how === 'proto') withProto(place, { isAdmin: true, dataScope: 'all', version: 1 });
    else if (how === 'add' || keys.length === 0) place[`fuzz_${pick % 7}`] = bad;
    else place[keys[pick % keys.length] as string] = bad;
    return copy;
  });
}

/** A query string from a sample of the query schema: arrays repeat the key, other values as text. */
export function toQuery(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value === undefined ? '' : `value=${encode(value)}`;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encode(key)}=${encode(item)}`);
  }
  return parts.join('&');
}

/** Percent-encoding that also carries broken UTF-16 (encodeURIComponent throws on a lone surrogate). */
function encode(value: unknown): string {
  const textValue = value instanceof DeepNesting ? '['.repeat(value.depth) : typeof value === 'object' && value !== null ? toJson(value) : String(value);
  return Array.from(textValue, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%ED%A0%80';
    }
  }).join('');
}
