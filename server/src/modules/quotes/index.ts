export { quoteRoutes } from './quotes.routes.js';
