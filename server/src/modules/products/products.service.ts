import {
  bpToPercent,
  percentToBp,
  type ListResponse,
  type Product,
  type ProductCategory,
  type productCategoryCreate,
  type productCategoryUpdate,
  type productCreate,
  type productListQuery,
  type productUpdate,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { normalizeForSearch } from '../../platform/search.js';
import * as repo from './products.repository.js';

type Db = AppContext['db'];

function meta(row: { id: number; version: number; created_at: string; updated_at: string; created_by: number | null; updated_by: number | null }) {
  return { id: row.id, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, createdBy: row.created_by, updatedBy: row.updated_by };
}

export function presentProduct(row: repo.ProductView): Product {
  return {
    ...meta(row),
    code: row.code,
    name: row.name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    unit: row.unit,
    standardPrice: Number(row.standard_price),
    cost: row.cost === null ? null : Number(row.cost),
    currency: row.currency,
    taxRate: bpToPercent(row.tax_bp),
    active: row.active === 1,
    description: row.description,
  };
}

/** Code and name, lower-cased, for the product search. */
const searchOf = (code: string, name: string) => `${code.toLowerCase()} ${name.toLowerCase()} ${normalizeForSearch(name)}`;

// ---- categories

export async function listCategories(ctx: AppContext, actor: Actor): Promise<{ items: ProductCategory[] }> {
  authorize(actor, 'products.view');
  const rows = await repo.categories(ctx.db);
  return { items: rows.map((r) => ({ ...meta(r), name: r.name, parentId: r.parent_id, productCount: r.product_count })) };
}

async function presentCategory(db: Db, id: number): Promise<ProductCategory> {
  const row = (await repo.categories(db)).find((r) => r.id === id);
  if (!row) throw notFound();
  return { ...meta(row), name: row.name, parentId: row.parent_id, productCount: row.product_count };
}

/** The category and every category below it. */
export async function categorySubtree(db: Db, id: number): Promise<number[]> {
  const rows = await repo.categories(db);
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const r of rows) if (r.parent_id === out[i] && !out.includes(r.id)) out.push(r.id);
  return out;
}

export async function createCategory(ctx: AppContext, actor: Actor, input: z.output<typeof productCategoryCreate>): Promise<ProductCategory> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId !== null && !(await repo.findCategory(trx, input.parentId))) throw invalid('parentId', 'productUnknownCategory');
    const id = await repo.insertCategory(trx, { name: input.name, parent_id: input.parentId, version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId });
    return presentCategory(trx, id);
  });
}

export async function updateCategory(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof productCategoryUpdate>): Promise<ProductCategory> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findCategory(trx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(await presentCategory(trx, id));
    if (input.parentId !== undefined && input.parentId !== null) {
      if (!(await repo.findCategory(trx, input.parentId))) throw invalid('parentId', 'productUnknownCategory');
      if ((await categorySubtree(trx, id)).includes(input.parentId)) throw invalid('parentId', 'productCategoryCycle');
    }
    const changes = { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}), updated_at: at, updated_by: actor.userId };
    if (!(await repo.updateCategory(trx, id, input.version, changes))) throw conflict(await presentCategory(trx, id));
    return presentCategory(trx, id);
  });
}

export async function deleteCategory(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'products.edit');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findCategory(trx, id))) throw notFound();
    if (await repo.categoryInUse(trx, id)) throw new AppError('CONFLICT', 'productCategoryNotEmpty');
    await repo.deleteCategory(trx, id);
  });
}

// ---- products

export async function listProducts(ctx: AppContext, actor: Actor, query: z.output<typeof productListQuery>): Promise<ListResponse<Product>> {
  authorize(actor, 'products.view');
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as repo.ProductSortKey;
  const filter: repo.ProductFilter = {
    q: query.q,
    categoryIds: query.categoryId === undefined ? undefined : await categorySubtree(ctx.db, query.categoryId),
    active: query.active === undefined ? undefined : query.active === 'true',
  };
  const { rows, total } = await repo.listProducts(ctx.db, filter, { key, desc }, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(presentProduct), total, page: query.page, pageSize: query.pageSize };
}

export async function getProduct(ctx: AppContext, actor: Actor, id: number): Promise<Product> {
  authorize(actor, 'products.view');
  const row = await repo.findProduct(ctx.db, id);
  if (!row) throw notFound();
  return presentProduct(row);
}

/** A product by id for other modules (quotes), or undefined. */
export async function findProduct(db: Db, id: number): Promise<repo.ProductView | undefined> {
  return repo.findProduct(db, id);
}

async function checkProduct(db: Db, input: { code?: string; categoryId?: number | null }, selfId: number | null): Promise<void> {
  const details: Array<{ path: string; message: 'productCodeTaken' | 'productUnknownCategory' }> = [];
  if (input.code !== undefined) {
    const other = await repo.productIdByCode(db, input.code);
    if (other !== undefined && other !== selfId) details.push({ path: 'code', message: 'productCodeTaken' });
  }
  if (input.categoryId !== undefined && input.categoryId !== null && !(await repo.findCategory(db, input.categoryId))) details.push({ path: 'categoryId', message: 'productUnknownCategory' });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

/** A unique-index violation (two creates of one code at once): the loser hears "code taken". */
function codeRace(error: unknown): never {
  const text = String((error as { message?: unknown })?.message ?? '');
  if (/unique|duplicate key/i.test(text)) throw invalid('code', 'productCodeTaken');
  throw error;
}

export async function createProduct(ctx: AppContext, actor: Actor, input: z.output<typeof productCreate>): Promise<Product> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      await checkProduct(trx, input, null);
      return repo.insertProduct(trx, {
        code: input.code,
        name: input.name,
        category_id: input.categoryId ?? null,
        unit: input.unit,
        standard_price: input.standardPrice,
        cost: input.cost ?? null,
        currency: 'CNY',
        tax_bp: percentToBp(input.taxRate),
        active: input.active ? 1 : 0,
        description: input.description ?? null,
        search: searchOf(input.code, input.name),
        version: 1,
        created_at: at,
        updated_at: at,
        created_by: actor.userId,
        updated_by: actor.userId,
      });
    })
    .catch((error: unknown) => (error instanceof AppError ? Promise.reject(error) : codeRace(error)));
  return getProduct(ctx, actor, id);
}

export async function updateProduct(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof productUpdate>): Promise<Product> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.findProduct(trx, id);
      if (!row) throw notFound();
      if (row.version !== input.version) throw conflict(presentProduct(row));
      await checkProduct(trx, input, id);
      const code = input.code ?? row.code;
      const name = input.name ?? row.name;
      const changes = {
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.standardPrice !== undefined ? { standard_price: input.standardPrice } : {}),
        ...(input.cost !== undefined ? { cost: input.cost } : {}),
        ...(input.taxRate !== undefined ? { tax_bp: percentToBp(input.taxRate) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        search: searchOf(code, name),
        updated_at: at,
        updated_by: actor.userId,
      };
      if (!(await repo.updateProduct(trx, id, input.version, changes))) {
        const now = await repo.findProduct(trx, id);
        throw now ? conflict(presentProduct(now)) : notFound();
      }
    })
    .catch((error: unknown) => (error instanceof AppError ? Promise.reject(error) : codeRace(error)));
  return getProduct(ctx, actor, id);
}

/** Delete a product nobody uses; one in a price list or a quote is deactivated instead (409). */
export async function deleteProduct(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'products.edit');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findProduct(trx, id))) throw notFound();
    if (await repo.productInUse(trx, id)) throw new AppError('CONFLICT', 'productInUse');
    await repo.deleteProduct(trx, id);
  });
}
