export { seedDemo, demoPassword } from './demo.service.js';
export * as names from './names.js';
