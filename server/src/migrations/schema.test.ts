import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/harness.js';
import { migrate } from '../platform/db/migrate.js';

/** What schema.ts (the Kysely `DB` interface) declares: table -> columns, and whether each may be null. */
function declared(): Map<string, Map<string, boolean>> {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../platform/db/schema.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const db = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!db) throw new Error('schema.ts has no DB interface');
  const tables = new Map<string, Map<string, boolean>>();
  for (const table of db.members) {
    if (!ts.isPropertySignature(table) || !table.type || !ts.isTypeLiteralNode(table.type)) throw new Error(`schema.ts: ${table.getText(source)} is not a table literal`);
    const columns = new Map<string, boolean>();
    for (const column of table.type.members) {
      if (!ts.isPropertySignature(column) || !column.type) throw new Error(`schema.ts: ${column.getText(source)} is not a column`);
      const nullable = ts.isUnionTypeNode(column.type) && column.type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
      columns.set(column.name.getText(source), nullable);
    }
    tables.set(table.name.getText(source), columns);
  }
  return tables;
}

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
  await migrate(fresh.database);
});
afterAll(() => fresh.drop());

type ColumnRow = { table_name: string; column_name: string; nullable: number };

/** The migrated database's tables and columns (SQLite: without the FTS5 index's own tables). */
async function migrated(): Promise<Map<string, Map<string, boolean>>> {
  const { db, engine } = fresh.database;
  const rows = engine === 'postgres'
    ? (await sql<ColumnRow>`select table_name, column_name, case when is_nullable = 'YES' then 1 else 0 end as nullable
        from information_schema.columns where table_schema = current_schema()`.execute(db)).rows
    : (await sql<ColumnRow>`select m.name as table_name, p.name as column_name, case when p."notnull" = 1 or p.pk = 1 then 0 else 1 end as nullable
        from sqlite_master m join pragma_table_info(m.name) p
        where m.type = 'table' and m.name not like 'sqlite_%'
          and not exists (select 1 from sqlite_master v where v.sql like 'create virtual table%' and m.name like v.name || '\\_%' escape '\\')`.execute(db)).rows;
  const tables = new Map<string, Map<string, boolean>>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Map<string, boolean>();
    columns.set(r.column_name, Number(r.nullable) === 1);
    tables.set(r.table_name, columns);
  }
  if (engine === 'sqlite') {
    // The FTS5 index keys its rows by rowid (the customer id schema.ts names customer_id); its columns take no constraints.
    tables.get('customer_search')?.set('customer_id', false).set('grams', false);
  }
  return tables;
}

const columnList = (tables: Map<string, Map<string, boolean>>) => [...tables].flatMap(([t, cols]) => [...cols.keys()].map((c) => `${t}.${c}`)).sort();

describe('the migrated schema matches schema.ts', () => {
  it('has every table and column schema.ts declares, and no other', async () => {
    const expected = declared();
    const actual = await migrated();
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(columnList(actual)).toEqual(columnList(expected));
  });

  it('allows null exactly where schema.ts does', async () => {
    const expected = declared();
    const actual = await migrated();
    const differ = columnList(expected).filter((name) => {
      const [table = '', column = ''] = name.split('.');
      return actual.get(table)?.get(column) !== expected.get(table)?.get(column);
    });
    expect(differ).toEqual([]);
  });
});
