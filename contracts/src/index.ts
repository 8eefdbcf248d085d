export * from './common.js';
export * from './org.js';
export * from './auth.js';
export * from './customers.js';
export * from './contacts.js';
export * from './history.js';
export * from './validators.js';
export * from './notifications.js';
