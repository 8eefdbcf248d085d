import { z } from 'zod';

/**
 * The length limit a shared schema puts on a text field, read from the schema itself so that a
 * form's rule and its input's maxLength cannot drift from what the server accepts:
 * `maxLengthOf(customerCreate, 'name')` is 120, `maxLengthOf(customerUpdate, 'person', 'wechat')` 60,
 * `maxLengthOf(pipelineCreate, 'stages', '[]', 'nameZh')` 60 (`[]`: a list's items; a union's
 * first object option that has the field).
 * Optional, nullable, default, refine and transform layers are looked through (a transform's input
 * side is what the user types). Throws when the path names no string with a maximum: a typo or a
 * changed contract shows at once, not as a form with no limit.
 */
export function maxLengthOf(schema: z.ZodType, ...path: string[]): number {
  let at = unwrap(schema);
  for (const key of path) {
    // `[]` steps into a list's items: maxLengthOf(pipelineCreate, 'stages', '[]', 'nameZh').
    if (key === '[]') {
      if (!(at instanceof z.ZodArray)) throw new Error(`maxLengthOf: no list at [] (${path.join('.')})`);
      at = unwrap(at.element as z.ZodType);
      continue;
    }
    // Of a union (a discriminated one, say), the first object that has the field.
    if (at instanceof z.ZodUnion) {
      const option = (at.options as z.ZodType[]).map(unwrap).find((o) => o instanceof z.ZodObject && key in o.shape);
      if (option) at = option;
    }
    if (!(at instanceof z.ZodObject)) throw new Error(`maxLengthOf: no object at ${key} (${path.join('.')})`);
    const field: unknown = at.shape[key];
    if (!(field instanceof z.ZodType)) throw new Error(`maxLengthOf: no field ${key} (${path.join('.')})`);
    at = unwrap(field);
  }
  if (at instanceof z.ZodString && at.maxLength !== null) return at.maxLength;
  throw new Error(`maxLengthOf: ${path.join('.') || 'the schema'} is no string with a maximum length`);
}

/** The schema under optional, nullable, default and pipe (transform) layers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let at = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = at._zod.def as { innerType?: unknown; in?: unknown };
    const inner = def.innerType ?? def.in;
    if (!(inner instanceof z.ZodType)) return at;
    at = inner;
  }
  return at;
}
