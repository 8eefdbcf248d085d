// Entry of the import worker thread: worker threads do not inherit the TypeScript loader the
// server was started with, so register it here before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./worker-thread.ts');
