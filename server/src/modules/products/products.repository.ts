import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type CategoryRow = Selectable<DB['product_categories']>;
export type ProductRow = Selectable<DB['products']>;
export type PriceListRow = Selectable<DB['price_lists']>;
export type ProductView = ProductRow & { category_name: string | null };

// ---- categories

export async function categories(db: Db): Promise<Array<CategoryRow & { product_count: number }>> {
  const rows = await db
    .selectFrom('product_categories as pc')
    .selectAll('pc')
    .select((eb) => eb.selectFrom('products as p').whereRef('p.category_id', '=', 'pc.id').select((e) => e.fn.countAll<number>().as('n')).as('product_count'))
    .orderBy('pc.name')
    .orderBy('pc.id')
    .execute();
  return rows.map((r) => ({ ...r, product_count: Number(r.product_count ?? 0) }));
}

export async function findCategory(db: Db, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('product_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCategory(db: Db, values: Omit<CategoryRow, 'id'>): Promise<number> {
  return (await db.insertInto('product_categories').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCategory(db: Db, id: number, version: number, values: Partial<CategoryRow>): Promise<boolean> {
  const r = await db.updateTable('product_categories').set({ ...values, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteCategory(db: Db, id: number): Promise<void> {
  await db.deleteFrom('product_categories').where('id', '=', id).execute();
}

export async function categoryInUse(db: Db, id: number): Promise<boolean> {
  const child = await db.selectFrom('product_categories').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst();
  const product = await db.selectFrom('products').select('id').where('category_id', '=', id).limit(1).executeTakeFirst();
  return child !== undefined || product !== undefined;
}

// ---- products

export interface ProductFilter {
  q?: string;
  categoryIds?: number[];
  active?: boolean;
}

export const productSortColumns = { code: 'p.code', name: 'p.name', standardPrice: 'p.standard_price', updatedAt: 'p.updated_at' } as const;
export type ProductSortKey = keyof typeof productSortColumns;

function filteredProducts(db: Db, f: ProductFilter) {
  let q = db.selectFrom('products as p');
  if (f.q) q = q.where(sql<boolean>`p.search like ${`%${escapeLike(f.q.toLowerCase())}%`} escape '\\'`);
  if (f.categoryIds) q = f.categoryIds.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where('p.category_id', 'in', f.categoryIds);
  if (f.active !== undefined) q = q.where('p.active', '=', f.active ? 1 : 0);
  return q;
}

function productsWithCategory(db: Db) {
  return db.selectFrom('products as p').leftJoin('product_categories as pc', 'pc.id', 'p.category_id').selectAll('p').select('pc.name as category_name');
}

export async function listProducts(db: Db, f: ProductFilter, sort: { key: ProductSortKey; desc: boolean }, limit: number, offset: number): Promise<{ rows: ProductView[]; total: number }> {
  const dir = sort.desc ? 'desc' : 'asc';
  const [ids, total] = await Promise.all([
    filteredProducts(db, f).select('p.id').orderBy(productSortColumns[sort.key], dir).orderBy('p.id', dir).limit(limit).offset(offset).execute(),
    filteredProducts(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = await productsByIds(db, ids.map((r) => r.id));
  return { rows, total: Number(total.n) };
}

export async function productsByIds(db: Db, ids: number[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const rows = await productsWithCategory(db).where('p.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findProduct(db: Db, id: number): Promise<ProductView | undefined> {
  return productsWithCategory(db).where('p.id', '=', id).executeTakeFirst();
}

export async function productIdByCode(db: Db, code: string): Promise<number | undefined> {
  return (await db.selectFrom('products').select('id').where(sql<boolean>`lower(code) = ${code.toLowerCase()}`).executeTakeFirst())?.id;
}

export async function insertProduct(db: Db, values: Omit<ProductRow, 'id'>): Promise<number> {
  return (await db.insertInto('products').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateProduct(db: Db, id: number, version: number, values: Partial<ProductRow>): Promise<boolean> {
  const r = await db.updateTable('products').set({ ...values, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether a product is named by a price list or by any quote or contract line (then it is deactivated, not deleted). */
export async function productInUse(db: Db, id: number): Promise<boolean> {
  const priced = await db.selectFrom('price_list_items').select('product_id').where('product_id', '=', id).limit(1).executeTakeFirst();
  const quoted = await db.selectFrom('quote_lines').select('product_id').where('product_id', '=', id).limit(1).executeTakeFirst();
  const contracted = await db.selectFrom('contract_lines').select('product_id').where('product_id', '=', id).limit(1).executeTakeFirst();
  return priced !== undefined || quoted !== undefined || contracted !== undefined;
}

export async function deleteProduct(db: Db, id: number): Promise<void> {
  await db.deleteFrom('products').where('id', '=', id).execute();
}

// ---- price lists

export async function listPriceLists(db: Db, f: { q?: string; active?: boolean }, limit: number, offset: number): Promise<{ rows: Array<PriceListRow & { item_count: number }>; total: number }> {
  let q = db.selectFrom('price_lists as pl');
  if (f.q) q = q.where(sql<boolean>`lower(pl.name) like ${`%${escapeLike(f.q.toLowerCase())}%`} escape '\\'`);
  if (f.active !== undefined) q = q.where('pl.active', '=', f.active ? 1 : 0);
  const [rows, total] = await Promise.all([
    q
      .selectAll('pl')
      .select((eb) => eb.selectFrom('price_list_items as i').whereRef('i.price_list_id', '=', 'pl.id').select((e) => e.fn.countAll<number>().as('n')).as('item_count'))
      .orderBy('pl.name')
      .orderBy('pl.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, item_count: Number(r.item_count ?? 0) })), total: Number(total.n) };
}

export async function findPriceList(db: Db, id: number): Promise<PriceListRow | undefined> {
  return db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function priceListItems(db: Db, id: number) {
  return db
    .selectFrom('price_list_items as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.product_id', 'i.price', 'p.code', 'p.name', 'p.standard_price'])
    .where('i.price_list_id', '=', id)
    .orderBy('p.code')
    .execute();
}

export async function insertPriceList(db: Db, values: Omit<PriceListRow, 'id'>): Promise<number> {
  return (await db.insertInto('price_lists').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePriceList(db: Db, id: number, version: number, values: Partial<PriceListRow>): Promise<boolean> {
  const r = await db.updateTable('price_lists').set({ ...values, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replacePriceListItems(db: Db, id: number, items: Array<{ productId: number; price: number }>): Promise<void> {
  await db.deleteFrom('price_list_items').where('price_list_id', '=', id).execute();
  for (let i = 0; i < items.length; i += 300) {
    await db
      .insertInto('price_list_items')
      .values(items.slice(i, i + 300).map((it) => ({ price_list_id: id, product_id: it.productId, price: it.price })))
      .execute();
  }
}

export async function deletePriceList(db: Db, id: number): Promise<void> {
  await db.deleteFrom('price_list_items').where('price_list_id', '=', id).execute();
  await db.deleteFrom('price_lists').where('id', '=', id).execute();
}

/**
 * The price of a product for a customer on a date: among the active price lists valid that day
 * whose category and province are either unset or the customer's, the most specific one (both
 * set beats one beats none), then the one that started latest, then the newest.
 */
export function bestListPriceQuery(db: Db, productId: number, customer: { category: string | null; province: string | null }, date: string) {
  return db
    .selectFrom('price_list_items as i')
    .innerJoin('price_lists as pl', 'pl.id', 'i.price_list_id')
    .select(['i.price', 'pl.id as price_list_id', 'pl.name'])
    .where('i.product_id', '=', productId)
    .where('pl.active', '=', 1)
    .where((eb) => eb.or([eb('pl.customer_category', 'is', null), ...(customer.category === null ? [] : [eb('pl.customer_category', '=', customer.category)])]))
    .where((eb) => eb.or([eb('pl.province', 'is', null), ...(customer.province === null ? [] : [eb('pl.province', '=', customer.province)])]))
    .where((eb) => eb.or([eb('pl.valid_from', 'is', null), eb('pl.valid_from', '<=', date)]))
    .where((eb) => eb.or([eb('pl.valid_to', 'is', null), eb('pl.valid_to', '>=', date)]))
    .orderBy(sql`(case when pl.customer_category is null then 0 else 1 end) + (case when pl.province is null then 0 else 1 end)`, 'desc')
    .orderBy(sql`coalesce(pl.valid_from, '0000-00-00')`, 'desc')
    .orderBy('pl.id', 'desc')
    .limit(1);
}

export async function bestListPrice(db: Db, productId: number, customer: { category: string | null; province: string | null }, date: string): Promise<{ price: number; price_list_id: number; name: string } | undefined> {
  const row = await bestListPriceQuery(db, productId, customer, date).executeTakeFirst();
  return row ? { price: Number(row.price), price_list_id: row.price_list_id, name: row.name } : undefined;
}
