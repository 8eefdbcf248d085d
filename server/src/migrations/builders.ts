import type { CreateTableBuilder } from 'kysely';
import type { Engine } from './migration.js';

type Table = CreateTableBuilder<string, never>;

/** An integer primary key `id` that the database assigns. */
export function withId(engine: Engine) {
  return (tb: Table): Table =>
    engine === 'postgres'
      ? tb.addColumn('id', 'serial', (c) => c.primaryKey())
      : tb.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** version, created/updated at and by: the columns of every record users edit. */
export function withMeta(tb: Table): Table {
  return tb
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer');
}
