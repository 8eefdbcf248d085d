// Entry of the analytics thread under the TypeScript loader (tests, `npm run dev`): worker threads
// do not inherit the loader the server was started with, so register it before loading the module.
import { register } from 'tsx/esm/api';

register();
await import('./analytics-thread.ts');
