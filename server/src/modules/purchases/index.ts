// A customer's purchase history (购买记录): what a shop's or point-of-sale system's export says each
// customer bought, written by the import (imports module) and read by customer analytics.
export { insertPurchases, purchasesBetween, customersOfPurchases, type NewPurchase, type StoredPurchase } from './purchases.repository.js';
export { purchasesFollowCustomer } from './purchases.events.js';
