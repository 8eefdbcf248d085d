import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossModuleReads, sharedTables, tableOwners } from '../platform/db/table-owners.js';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = path.join(src, 'modules');
const tables = new Set<string>(Object.keys(tableOwners));

interface Use {
  table: string;
  write: boolean;
}

/** The bodies of sql`...` templates, with their ${...} parts (nested templates included) kept as text. */
function sqlTemplates(source: string): string[] {
  const out: string[] = [];
  const start = /\bsql(?:<[^>`]*>)?`/g;
  for (let m = start.exec(source); m; m = start.exec(source)) {
    let i = m.index + m[0].length;
    let depth = 0;
    let body = '';
    for (; i < source.length; i++) {
      const ch = source[i];
      if (depth === 0 && ch === '`') break;
      if (ch === '$' && source[i + 1] === '{') depth++;
      else if (ch === '}' && depth > 0) depth--;
      body += ch;
    }
    out.push(body);
  }
  return out;
}

/** The tables a source file names in Kysely calls and raw SQL, and whether it writes them. */
export function tableUses(source: string): Use[] {
  const uses: Use[] = [];
  const kysely = /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*'([a-z_]+)/g;
  for (const m of source.matchAll(kysely)) {
    const [, call = '', table = ''] = m;
    uses.push({ table, write: ['insertInto', 'updateTable', 'deleteFrom', 'mergeInto'].includes(call) });
  }
  for (const body of sqlTemplates(source)) {
    for (const m of body.matchAll(/\b(delete\s+from|from|join|update|into)\s+([a-z_]+)\b/gi)) {
      const [, verb = '', table = ''] = m;
      uses.push({ table, write: !/^(from|join)$/i.test(verb) });
    }
  }
  return uses.filter((u) => tables.has(u.table));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const modules = readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every use of another module's table that the map does not allow, as `module/file: verb table`. */
function violations(): string[] {
  const out: string[] = [];
  for (const module of modules) {
    const allowedReads = new Set<string>(crossModuleReads[module]?.reads ?? []);
    for (const file of sourceFiles(path.join(modulesDir, module))) {
      for (const use of tableUses(readFileSync(file, 'utf8'))) {
        const owner = tableOwners[use.table as keyof typeof tableOwners];
        if (owner === module || sharedTables.includes(use.table as (typeof sharedTables)[number])) continue;
        if (!use.write && allowedReads.has(use.table)) continue;
        out.push(`${path.relative(src, file)}: ${use.write ? 'writes' : 'reads'} ${use.table} (owned by ${owner})`);
      }
    }
  }
  return [...new Set(out)];
}

describe('table owners (platform/db/table-owners.ts)', () => {
  it('finds tables in Kysely calls and raw SQL, and tells writes from reads', () => {
    const source = [
      "db.selectFrom('customers as c').innerJoin('contacts as k', 'k.customer_id', 'c.id').leftJoin('users', 'users.id', 'c.owner_id')",
      "db.updateTable('leads').set({}); db.insertInto('change_log'); db.deleteFrom('dedupe_keys')",
      'sql`update opportunities set x = 1 from (values ${sql`(1)`}) as v where id in (select id from pipelines join roles on 1 = 1)`',
      'sql<number>`delete from attachments where 1 = 0`; const text = `from customers`; db.selectFrom(\'not_a_table\')',
    ].join('\n');
    expect(tableUses(source)).toEqual([
      { table: 'customers', write: false },
      { table: 'contacts', write: false },
      { table: 'users', write: false },
      { table: 'leads', write: true },
      { table: 'change_log', write: true },
      { table: 'dedupe_keys', write: true },
      { table: 'opportunities', write: true },
      { table: 'pipelines', write: false },
      { table: 'roles', write: false },
      { table: 'attachments', write: true },
    ]);
  });

  it('every table of the schema has an owner, and every owner exists', () => {
    const schema = readFileSync(path.join(src, 'platform/db/schema.ts'), 'utf8');
    const body = /export interface DB \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
    const inSchema = [...body.matchAll(/^ {2}([a-z_]+): /gm)].map((m) => m[1]);
    expect(inSchema.length).toBeGreaterThan(20);
    expect(Object.keys(tableOwners).sort()).toEqual([...inSchema].sort());
    for (const owner of new Set(Object.values(tableOwners))) expect(['platform', ...modules]).toContain(owner);
  });

  it("no module names another module's table, except the commented read-only joins", () => {
    expect(violations()).toEqual([]);
  });

  it('every allowed read is still used (the list stays short)', () => {
    for (const [module, { reads }] of Object.entries(crossModuleReads)) {
      expect(modules).toContain(module);
      const used = new Set(sourceFiles(path.join(modulesDir, module)).flatMap((f) => tableUses(readFileSync(f, 'utf8')).map((u) => u.table)));
      for (const table of reads) expect(used.has(table), `${module} reads ${table}`).toBe(true);
    }
  });
});
