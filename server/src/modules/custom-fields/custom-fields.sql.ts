import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { CustomFilter } from './custom-fields.values.js';

const operators = { eq: '=', gte: '>=', lte: '<=' } as const;

/**
 * The WHERE condition of one custom-value filter on a JSON text column (`c.custom`, `k.custom`):
 * json_extract / json_each on SQLite, jsonb operators on PostgreSQL. Keys are checked field keys
 * ([a-z][a-z0-9_]*) and still travel as bound parameters.
 */
export function customFilterCondition(engine: Engine, column: string, filter: CustomFilter): RawBuilder<SqlBool> {
  const col = sql.ref(column);
  const { key, value } = filter;
  if (engine === 'sqlite') {
    const path = `$.${key}`;
    if (filter.op === 'contains') {
      return sql<SqlBool>`exists (select 1 from json_each(${col}, ${path}) as cf where cf.value = ${value})`;
    }
    // json_extract gives JSON true/false as 1/0.
    const bound = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    return sql<SqlBool>`json_extract(${col}, ${path}) ${sql.raw(operators[filter.op])} ${bound}`;
  }
  const json = sql`(${col})::jsonb`;
  const name = sql`${key}::text`;
  if (filter.op === 'contains') return sql<SqlBool>`(${json} -> ${name}) @> jsonb_build_array(${String(value)}::text)`;
  const op = sql.raw(operators[filter.op]);
  if (filter.type === 'number' || filter.type === 'money') {
    // Only JSON numbers are cast: a stray value of another kind never breaks the query.
    return sql<SqlBool>`(case when jsonb_typeof(${json} -> ${name}) = 'number' then (${json} ->> ${name})::numeric end) ${op} ${value}`;
  }
  return sql<SqlBool>`(${json} ->> ${name}) ${op} ${String(value)}::text`;
}
