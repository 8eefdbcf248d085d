#!/usr/bin/env node
// `npm run dev`: the server under `tsx watch` (restarts when a server or contracts file changes)
// behind Vite's dev server (the web app with hot reload). One address: Vite's, on PORT (3000),
// which proxies /api to the server on the next port.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const apiPort = port + 1;
const url = `http://localhost:${port}`;

const server = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'server/src/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // The server says it runs at the address users open (and gives it out in web-form links).
  env: { ...process.env, PORT: String(apiPort), HOST: '127.0.0.1', CRM_PUBLIC_URL: process.env.CRM_PUBLIC_URL ?? url },
});

const vite = await createServer({
  root: path.join(root, 'web'),
  configFile: path.join(root, 'web', 'vite.config.ts'),
  server: { port, strictPort: true, host: process.env.HOST ?? 'localhost', proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } } },
});
await vite.listen();

const stop = async () => {
  server.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  console.error(`The server stopped (${code}).`);
  void vite.close().then(() => process.exit(code ?? 1));
});
