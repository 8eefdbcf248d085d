import type { Generated } from 'kysely';

/** The tables of the products module (server/src/modules/products/; see table-owners.ts), as Kysely sees them. */
export interface ProductsTables {
  product_categories: {
    id: Generated<number>;
    name: string;
    parent_id: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  products: {
    id: Generated<number>;
    code: string;
    name: string;
    category_id: number | null;
    unit: string;
    /** Fen. */
    standard_price: number;
    cost: number | null;
    currency: string;
    /** Basis points: 13 % = 1300. */
    tax_bp: number;
    active: number;
    description: string | null;
    search: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  price_lists: {
    id: Generated<number>;
    name: string;
    customer_category: string | null;
    province: string | null;
    valid_from: string | null;
    valid_to: string | null;
    active: number;
    currency: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  price_list_items: { price_list_id: number; product_id: number; price: number | string };
}
