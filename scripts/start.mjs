#!/usr/bin/env node
// `npm start`: build the web app and compile the server when either is missing or older than its
// sources, then run the compiled server (plain JavaScript, no TypeScript loader).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverEnv, serverIsStale, serverNodeFlags } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function webIsStale() {
  if (!fs.existsSync(dist)) return true;
  const built = fs.statSync(dist).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'web', 'src')), newestMtime(path.join(root, 'contracts', 'src')));
  return sources > built;
}

export function buildWeb() {
  console.log('Building the web app (web/dist)...');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (webIsStale()) buildWeb();
  if (serverIsStale()) await buildServer();
  const child = spawn(process.execPath, [...serverNodeFlags, path.join(root, 'server', 'dist', 'main.mjs'), ...args], { cwd: root, stdio: 'inherit', env: { ...serverEnv, ...process.env } });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
