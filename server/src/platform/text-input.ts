import { textProblem } from '@crm/contracts';
import { z } from 'zod';
import type { ErrorDetail } from './errors.js';

/**
 * The characters rule of contracts/src/text.ts, applied to any input a schema parses: every string
 * and every object key, however deep, is checked; a string may hold line breaks only where the
 * schema declares the field multi-line. The schema is read through its JSON Schema (the same one
 * the OpenAPI document shows), walked beside the input.
 */
type JsonSchema = { [key: string]: unknown };

const jsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as JsonSchema;
    jsonSchemas.set(schema, json);
  }
  return json;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schemas a value at this point may have to meet: references followed, unions and intersections flattened. */
function alternatives(root: JsonSchema, schemas: unknown[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  const seen = new Set<unknown>();
  const pending = [...schemas];
  while (pending.length > 0) {
    const s = pending.pop();
    if (!isObject(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    if (typeof s.$ref === 'string') pending.push(resolve(root, s.$ref));
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = s[key];
      if (Array.isArray(list)) pending.push(...list);
    }
  }
  return out;
}

function resolve(root: JsonSchema, ref: string): unknown {
  if (ref === '#') return root;
  let at: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) at = isObject(at) ? at[part] : undefined;
  return at;
}

function childSchemas(schemas: JsonSchema[], key: string | number): unknown[] {
  const out: unknown[] = [];
  for (const s of schemas) {
    if (typeof key === 'number') {
      const prefix = s.prefixItems;
      out.push(Array.isArray(prefix) && key < prefix.length ? prefix[key] : s.items);
    } else {
      const properties = s.properties;
      out.push(isObject(properties) && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : s.additionalProperties);
    }
  }
  return out;
}

const messageOf = { character: 'textBadCharacter', lines: 'textOneLine' } as const;
/** Enough to mark every field of a form; a body of a million bad strings need not be listed in full. */
const maxIssues = 50;

interface Step {
  value: unknown;
  schemas: unknown[];
  /** Where the value sits: its parent's step and its key (a linked path, so deep nesting stays linear). */
  parent: Step | null;
  key: string | number;
}

function pathOf(step: Step | null, last?: string): string {
  const parts: Array<string | number> = last === undefined ? [] : [last];
  for (let s = step; s?.parent; s = s.parent) parts.push(s.key);
  return parts.reverse().join('.');
}

/** Every string or key of `input` that breaks the characters rule, with its field path and a message key. */
export function textIssues(schema: z.ZodType, input: unknown): ErrorDetail[] {
  if (input === null || (typeof input !== 'object' && typeof input !== 'string')) return [];
  const root = jsonSchemaOf(schema);
  const issues: ErrorDetail[] = [];
  // An explicit stack: a deeply nested body must not overflow the call stack.
  const stack: Step[] = [{ value: input, schemas: [root], parent: null, key: '' }];
  while (stack.length > 0 && issues.length < maxIssues) {
    const step = stack.pop() as Step;
    const { value } = step;
    if (typeof value === 'string') {
      const multiline = alternatives(root, step.schemas).some((s) => s.multiline === true);
      const problem = textProblem(value, multiline);
      if (problem) issues.push({ path: pathOf(step), message: messageOf[problem] });
    } else if (Array.isArray(value)) {
      const options = alternatives(root, step.schemas);
      value.forEach((item, i) => stack.push({ value: item, schemas: childSchemas(options, i), parent: step, key: i }));
    } else if (value !== null && typeof value === 'object') {
      const options = alternatives(root, step.schemas);
      for (const [key, item] of Object.entries(value)) {
        if (textProblem(key, false)) issues.push({ path: pathOf(step, key), message: messageOf.character });
        else stack.push({ value: item, schemas: childSchemas(options, key), parent: step, key });
      }
    }
  }
  return issues;
}

/**
 * Tabs and line breaks inside one-line fields become single spaces (a spreadsheet cell typed with
 * Alt+Enter); multi-line fields keep theirs. Returns a copy; other values are left as they are.
 */
export function foldLineBreaks(schema: z.ZodType, input: unknown): unknown {
  const root = jsonSchemaOf(schema);
  const fold = (value: unknown, schemas: unknown[]): unknown => {
    if (typeof value === 'string') {
      const multiline = alternatives(root, schemas).some((s) => s.multiline === true);
      return multiline ? value : value.replace(/\s*[\t\n\r]+\s*/g, ' ');
    }
    if (value === null || typeof value !== 'object') return value;
    const options = alternatives(root, schemas);
    if (Array.isArray(value)) return value.map((item, i) => fold(item, childSchemas(options, i)));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fold(item, childSchemas(options, key))]));
  };
  return fold(input, [root]);
}
