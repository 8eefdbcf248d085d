import {
  idParams,
  priceList,
  priceListCreate,
  priceListList,
  priceListListQuery,
  priceListUpdate,
  product,
  productCategory,
  productCategoryCreate,
  productCategoryList,
  productCategoryUpdate,
  productCreate,
  productList,
  productListQuery,
  productPrice,
  productPriceQuery,
  productUpdate,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as lists from './price-lists.service.js';
import * as service from './products.service.js';

export function productRoutes(r: Router, ctx: AppContext): void {
  const tag = 'products';
  r.route({ method: 'GET', url: '/product-categories', access: 'products.view', summary: 'The product category tree (flat, with parent ids and product counts)', tag, response: productCategoryList,
    handler: ({ actor }) => service.listCategories(ctx, actor) });
  r.route({ method: 'POST', url: '/product-categories', access: 'products.edit', summary: 'Create a product category', tag, body: productCategoryCreate, response: productCategory,
    handler: ({ actor, body }) => service.createCategory(ctx, actor, body) });
  r.route({ method: 'PATCH', url: '/product-categories/:id', access: 'products.edit', summary: 'Rename or move a product category; 409 when stale', tag, params: idParams, body: productCategoryUpdate, response: productCategory,
    handler: ({ actor, params, body }) => service.updateCategory(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/product-categories/:id', access: 'products.edit', summary: 'Delete an empty product category (409 while it has products or sub-categories)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteCategory(ctx, actor, params.id) });

  r.route({ method: 'GET', url: '/products', access: 'products.view', summary: 'List and search products (code, name), by category subtree and active', tag, query: productListQuery, response: productList,
    handler: ({ actor, query }) => service.listProducts(ctx, actor, query) });
  r.route({ method: 'POST', url: '/products', access: 'products.edit', summary: 'Create a product (code unique, prices in fen)', tag, body: productCreate, response: product,
    handler: ({ actor, body }) => service.createProduct(ctx, actor, body) });
  r.route({ method: 'GET', url: '/products/:id', access: 'products.view', summary: 'Get a product', tag, params: idParams, response: product,
    handler: ({ actor, params }) => service.getProduct(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/products/:id', access: 'products.edit', summary: 'Change a product; 409 with the current record when stale', tag, params: idParams, body: productUpdate, response: product,
    handler: ({ actor, params, body }) => service.updateProduct(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/products/:id', access: 'products.edit', summary: 'Delete an unused product (409 when a price list or a quote names it: deactivate it instead)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteProduct(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/products/:id/price', access: 'products.view', summary: 'The price a customer you may read gets for the product on a date (its most specific valid price list, else the standard price)', tag, params: idParams, query: productPriceQuery, response: productPrice,
    handler: ({ actor, params, query }) => lists.getProductPrice(ctx, actor, params.id, query) });

  r.route({ method: 'GET', url: '/price-lists', access: 'products.view', summary: 'List price lists', tag, query: priceListListQuery, response: priceListList,
    handler: ({ actor, query }) => lists.listPriceLists(ctx, actor, query) });
  r.route({ method: 'POST', url: '/price-lists', access: 'products.edit', summary: 'Create a price list for a customer category and/or province, with validity dates and prices in fen', tag, body: priceListCreate, response: priceList,
    handler: ({ actor, body }) => lists.createPriceList(ctx, actor, body) });
  r.route({ method: 'GET', url: '/price-lists/:id', access: 'products.view', summary: 'Get a price list with its prices', tag, params: idParams, response: priceList,
    handler: ({ actor, params }) => lists.getPriceList(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/price-lists/:id', access: 'products.edit', summary: 'Change a price list (items replace all its prices); 409 when stale', tag, params: idParams, body: priceListUpdate, response: priceList,
    handler: ({ actor, params, body }) => lists.updatePriceList(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/price-lists/:id', access: 'products.edit', summary: 'Delete a price list (quotes keep the prices they were given)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => lists.deletePriceList(ctx, actor, params.id) });
}
