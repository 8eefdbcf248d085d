export { productRoutes } from './products.routes.js';
// Quotes price their lines from the catalogue.
export { findProduct } from './products.service.js';
export { priceFor, type PricedProduct } from './price-lists.service.js';
