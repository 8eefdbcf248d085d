import { z } from 'zod';
import { id, int4Max, isoDate, listOf, pageQuery, recordMeta, versionField } from './common.js';
import { customerCategories } from './customer-options.js';
import { multiline } from './text.js';

/**
 * Products (产品), their category tree and price lists (价格表): the catalogue quotations draw
 * from. Money is integer fen (CNY); rates are percentages with at most two decimals, kept on the
 * server as basis points (13.5 % = 1350).
 */

const refId = z.number().int().positive().max(int4Max);
/** Fen, at most ten thousand billion yuan. */
export const fenAmount = z.number().int().min(0).max(1e15);
/** A percentage 0-100 with at most two decimals (13, 13.5, 33.33). */
export const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'percentTwoDecimals' });

/** Percent with two decimals to basis points (exact for what `percent` accepts). */
export function percentToBp(value: number): number {
  return Math.round(value * 100);
}
export function bpToPercent(bp: number): number {
  return bp / 100;
}

export const productCategory = z.object({
  ...recordMeta,
  name: z.string(),
  parentId: z.number().int().nullable(),
  productCount: z.number().int(),
});
export type ProductCategory = z.infer<typeof productCategory>;
export const productCategoryList = z.object({ items: z.array(productCategory) });
export const productCategoryCreate = z.object({ name: z.string().trim().min(1).max(60), parentId: refId.nullable().default(null) }).strict();
export type ProductCategoryCreate = z.input<typeof productCategoryCreate>;
export const productCategoryUpdate = z
  .object({ name: z.string().trim().min(1).max(60), parentId: refId.nullable() })
  .partial()
  .extend(versionField)
  .strict();
export type ProductCategoryUpdate = z.input<typeof productCategoryUpdate>;

const productFields = {
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._/-]+$/, { message: 'productCodeChars' }),
  name: z.string().trim().min(1).max(120),
  categoryId: refId.nullable(),
  unit: z.string().trim().min(1).max(20),
  standardPrice: fenAmount,
  cost: fenAmount.nullable(),
  taxRate: percent,
  active: z.boolean(),
  description: multiline(2000),
};

/** POST /products. Defaults: no category, unit 个, tax 13 %, active. */
export const productCreate = z
  .object({ ...productFields, unit: productFields.unit.default('个'), taxRate: productFields.taxRate.default(13), active: productFields.active.default(true) })
  .partial({ categoryId: true, cost: true, description: true })
  .strict();
export type ProductCreate = z.input<typeof productCreate>;
export const productUpdate = z.object(productFields).partial().extend(versionField).strict();
export type ProductUpdate = z.input<typeof productUpdate>;

export const product = z.object({
  ...recordMeta,
  code: z.string(),
  name: z.string(),
  categoryId: z.number().int().nullable(),
  categoryName: z.string().nullable(),
  unit: z.string(),
  standardPrice: z.number().int(),
  cost: z.number().int().nullable(),
  currency: z.string(),
  taxRate: z.number(),
  active: z.boolean(),
  description: z.string().nullable(),
});
export type Product = z.infer<typeof product>;
export const productList = listOf(product);
export const productSorts = ['code', '-code', 'name', '-name', 'standardPrice', '-standardPrice', 'updatedAt', '-updatedAt'] as const;
export const productListQuery = z
  .object({
    q: pageQuery.q,
    /** This category and the categories below it. */
    categoryId: id.optional(),
    active: z.enum(['true', 'false']).optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    sort: z.enum(productSorts).default('code'),
  })
  .strict();
export type ProductListQuery = z.input<typeof productListQuery>;

export const priceListItemWrite = z.object({ productId: refId, price: fenAmount }).strict();
const priceListFields = {
  name: z.string().trim().min(1).max(80),
  /** Customers of this category (客户角色); null: any. */
  customerCategory: z.enum(customerCategories).nullable(),
  /** Customers in this province; null: any. */
  province: z.string().trim().min(1).max(30).nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  active: z.boolean(),
  items: z.array(priceListItemWrite).max(2000),
};
/** POST /price-lists. A list with neither category nor province applies to every customer. */
export const priceListCreate = z
  .object({ ...priceListFields, active: priceListFields.active.default(true) })
  .partial({ customerCategory: true, province: true, validFrom: true, validTo: true, items: true })
  .strict();
export type PriceListCreate = z.input<typeof priceListCreate>;
/** PATCH /price-lists/:id: `items`, when given, replaces every price of the list. */
export const priceListUpdate = z.object(priceListFields).partial().extend(versionField).strict();
export type PriceListUpdate = z.input<typeof priceListUpdate>;

export const priceListItem = z.object({ productId: z.number().int(), productCode: z.string(), productName: z.string(), standardPrice: z.number().int(), price: z.number().int() });
export const priceList = z.object({
  ...recordMeta,
  name: z.string(),
  customerCategory: z.enum(customerCategories).nullable(),
  province: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  currency: z.string(),
  itemCount: z.number().int(),
  /** Filled on the single-record read; empty in lists. */
  items: z.array(priceListItem),
});
export type PriceList = z.infer<typeof priceList>;
export const priceListList = listOf(priceList);
export const priceListListQuery = z
  .object({ q: pageQuery.q, active: z.enum(['true', 'false']).optional(), page: pageQuery.page, pageSize: pageQuery.pageSize })
  .strict();
export type PriceListListQuery = z.input<typeof priceListListQuery>;

/** GET /products/:id/price?customerId=&date=: what this customer pays for the product on the date. */
export const productPriceQuery = z.object({ customerId: id, date: isoDate.optional() }).strict();
export type ProductPriceQuery = z.input<typeof productPriceQuery>;
export const productPrice = z.object({
  productId: z.number().int(),
  customerId: z.number().int(),
  date: z.string(),
  price: z.number().int(),
  currency: z.string(),
  /** The price list the price comes from; null: the product's standard price. */
  priceListId: z.number().int().nullable(),
  priceListName: z.string().nullable(),
  taxRate: z.number(),
});
export type ProductPrice = z.infer<typeof productPrice>;
