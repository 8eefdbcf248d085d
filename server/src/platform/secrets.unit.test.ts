import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { isSealed, openSecret, resealSecret, SecretKeyError, sealSecret, serverSecretKey } from './secrets.js';

const folders: string[] = [];
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-secret-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe('secrets at rest (AES-256-GCM)', () => {
  it('CRM_SECRET_KEY: 64 hex digits or base64 of 32 bytes; anything else stops the server', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ CRM_SECRET_KEY: hex }).secretKey?.toString('hex')).toBe(hex);
    expect(loadConfig({ CRM_SECRET_KEY: Buffer.from(hex, 'hex').toString('base64') }).secretKey?.toString('hex')).toBe(hex);
    expect(loadConfig({}).secretKey).toBeNull();
    expect(loadConfig({ CRM_SECRET_KEY: '  ' }).secretKey).toBeNull();
    for (const bad of ['secret', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) expect(() => loadConfig({ CRM_SECRET_KEY: bad })).toThrow(/CRM_SECRET_KEY/);
  });

  it('the configured key encrypts, and only it decrypts; no file is made', () => {
    const dataDir = folder();
    const config = loadConfig({ CRM_DATA_DIR: dataDir, CRM_SECRET_KEY: '01'.repeat(32) });
    const sealed = sealSecret(config, 'пароль 密码');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('密码');
    expect(openSecret(config, sealed)).toBe('пароль 密码');
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
    expect(() => openSecret({ ...config, secretKey: Buffer.alloc(32, 2) }, sealed)).toThrow(SecretKeyError);
    // A changed byte of the ciphertext is refused (GCM's tag), not decrypted into something else.
    const bytes = Buffer.from(sealed.slice(7), 'base64');
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(() => openSecret(config, `enc:v1:${bytes.toString('base64')}`)).toThrow(SecretKeyError);
  });

  it('without a configured key one is made in the data folder once (mode 0600) and kept', () => {
    const dataDir = path.join(folder(), 'not-yet');
    const config = loadConfig({ CRM_DATA_DIR: dataDir });
    const sealed = sealSecret(config, 'smtp-secret');
    const file = path.join(dataDir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const key = serverSecretKey(config);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));
    expect(openSecret(loadConfig({ CRM_DATA_DIR: dataDir }), sealed)).toBe('smtp-secret');
    // Another data folder has another key.
    expect(() => openSecret(loadConfig({ CRM_DATA_DIR: folder() }), sealed)).toThrow(SecretKeyError);
  });

  it('a legacy plain value reads as it is and is encrypted when resealed; empty stays empty', () => {
    const config = loadConfig({ CRM_DATA_DIR: folder(), CRM_SECRET_KEY: '03'.repeat(32) });
    expect(openSecret(config, 'plain-old')).toBe('plain-old');
    const resealed = resealSecret(config, 'plain-old');
    expect(isSealed(resealed)).toBe(true);
    expect(openSecret(config, resealed)).toBe('plain-old');
    expect(resealSecret(config, resealed)).toBe(resealed);
    expect(sealSecret(config, '')).toBe('');
    expect(resealSecret(config, '')).toBe('');
    expect(openSecret(config, '')).toBe('');
  });
});
