import {
  bpToPercent,
  type CustomerCategory,
  type ListResponse,
  type PriceList,
  type ProductPrice,
  type priceListCreate,
  type priceListListQuery,
  type priceListUpdate,
  type productPriceQuery,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { findReadable } from '../customers/index.js';
import * as repo from './products.repository.js';

type Db = AppContext['db'];

function present(row: repo.PriceListRow, itemCount: number, items: Awaited<ReturnType<typeof repo.priceListItems>> = []): PriceList {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    name: row.name,
    customerCategory: row.customer_category as CustomerCategory | null,
    province: row.province,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: row.active === 1,
    currency: row.currency,
    itemCount,
    items: items.map((i) => ({ productId: i.product_id, productCode: i.code, productName: i.name, standardPrice: Number(i.standard_price), price: Number(i.price) })),
  };
}

async function presentOne(db: Db, id: number): Promise<PriceList> {
  const row = await repo.findPriceList(db, id);
  if (!row) throw notFound();
  const items = await repo.priceListItems(db, id);
  return present(row, items.length, items);
}

export async function listPriceLists(ctx: AppContext, actor: Actor, query: z.output<typeof priceListListQuery>): Promise<ListResponse<PriceList>> {
  authorize(actor, 'products.view');
  const { rows, total } = await repo.listPriceLists(ctx.db, { q: query.q, active: query.active === undefined ? undefined : query.active === 'true' }, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map((r) => present(r, r.item_count)), total, page: query.page, pageSize: query.pageSize };
}

export async function getPriceList(ctx: AppContext, actor: Actor, id: number): Promise<PriceList> {
  authorize(actor, 'products.view');
  return presentOne(ctx.db, id);
}

/** Field problems of a price list: dates in order, each product once and existing. */
async function check(db: Db, input: { validFrom?: string | null; validTo?: string | null; items?: Array<{ productId: number }> }, current?: repo.PriceListRow): Promise<void> {
  const details: ErrorDetail[] = [];
  const add = (path: string, message: MessageKey) => details.push({ path, message });
  const from = input.validFrom !== undefined ? input.validFrom : (current?.valid_from ?? null);
  const to = input.validTo !== undefined ? input.validTo : (current?.valid_to ?? null);
  if (from !== null && to !== null && to < from) add('validTo', 'priceListDatesOrder');
  if (input.items) {
    const known = new Set((await repo.productsByIds(db, [...new Set(input.items.map((i) => i.productId))])).map((p) => p.id));
    const seen = new Set<number>();
    input.items.forEach((item, index) => {
      if (!known.has(item.productId)) add(`items.${index}.productId`, 'productUnknown');
      else if (seen.has(item.productId)) add(`items.${index}.productId`, 'priceListDuplicateProduct');
      seen.add(item.productId);
    });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

export async function createPriceList(ctx: AppContext, actor: Actor, input: z.output<typeof priceListCreate>): Promise<PriceList> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await check(trx, input);
    const id = await repo.insertPriceList(trx, {
      name: input.name,
      customer_category: input.customerCategory ?? null,
      province: input.province ?? null,
      valid_from: input.validFrom ?? null,
      valid_to: input.validTo ?? null,
      active: input.active ? 1 : 0,
      currency: 'CNY',
      version: 1,
      created_at: at,
      updated_at: at,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await repo.replacePriceListItems(trx, id, input.items ?? []);
    return presentOne(trx, id);
  });
}

export async function updatePriceList(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof priceListUpdate>): Promise<PriceList> {
  authorize(actor, 'products.edit');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findPriceList(trx, id);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict(await presentOne(trx, id));
    await check(trx, input, row);
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.customerCategory !== undefined ? { customer_category: input.customerCategory } : {}),
      ...(input.province !== undefined ? { province: input.province } : {}),
      ...(input.validFrom !== undefined ? { valid_from: input.validFrom } : {}),
      ...(input.validTo !== undefined ? { valid_to: input.validTo } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updated_at: at,
      updated_by: actor.userId,
    };
    if (!(await repo.updatePriceList(trx, id, input.version, changes))) throw conflict(await presentOne(trx, id));
    if (input.items !== undefined) await repo.replacePriceListItems(trx, id, input.items);
    return presentOne(trx, id);
  });
}

export async function deletePriceList(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'products.edit');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findPriceList(trx, id))) throw notFound();
    await repo.deletePriceList(trx, id);
  });
}

export interface PricedProduct {
  price: number;
  priceListId: number | null;
  priceListName: string | null;
}

/**
 * The price a customer gets for a product on a date (YYYY-MM-DD): the most specific valid price
 * list's price (category and province beat one of them, which beats a list for everyone), else
 * the product's standard price.
 */
export async function priceFor(db: Db, product: { id: number; standard_price: number }, customer: { category: string | null; province: string | null }, date: string): Promise<PricedProduct> {
  const listed = await repo.bestListPrice(db, product.id, customer, date);
  return listed ? { price: listed.price, priceListId: listed.price_list_id, priceListName: listed.name } : { price: Number(product.standard_price), priceListId: null, priceListName: null };
}

/** GET /products/:id/price: for a customer the caller may read. */
export async function getProductPrice(ctx: AppContext, actor: Actor, productId: number, query: z.output<typeof productPriceQuery>): Promise<ProductPrice> {
  authorize(actor, 'products.view');
  const product = await repo.findProduct(ctx.db, productId);
  if (!product) throw notFound();
  const customer = await findReadable(ctx.db, actor, query.customerId);
  const date = query.date ?? ctx.clock.now().toISOString().slice(0, 10);
  const priced = await priceFor(ctx.db, product, customer, date);
  return { productId, customerId: customer.id, date, currency: product.currency, taxRate: bpToPercent(product.tax_bp), ...priced };
}
