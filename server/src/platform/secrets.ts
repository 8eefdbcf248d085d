import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * Secrets kept in the database (the SMTP password) are encrypted with AES-256-GCM under the
 * server's key: CRM_SECRET_KEY, or else a random key made once and kept in the data folder
 * (`secret.key`, mode 0600), so that a laptop install needs no setting. Several servers sharing
 * one database need the same key: set CRM_SECRET_KEY (or share the data folder).
 *
 * Stored form: `enc:v1:` + base64(12-byte nonce | 16-byte tag | ciphertext). A value without the
 * prefix is a plain one an older version wrote: it is read as it is, and encrypted when next saved.
 */
const prefix = 'enc:v1:';
export const secretKeyFile = 'secret.key';

const keys = new Map<string, Buffer>();

/** The key a secret is encrypted with: the configured one, or the data folder's (made on first use). */
export function serverSecretKey(config: Pick<Config, 'dataDir' | 'secretKey'>): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, secretKeyFile);
  const known = keys.get(file);
  if (known) return known;
  let key: Buffer;
  try {
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(config.dataDir, { recursive: true });
    const made = crypto.randomBytes(32);
    try {
      // 'wx': two servers starting together on one data folder keep the first one's key.
      fs.writeFileSync(file, `${made.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      key = made;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    }
  }
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key (64 hex digits)`);
  keys.set(file, key);
  return key;
}

/** Whether a stored value is already encrypted (else it is a legacy plain value, or empty). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(prefix);
}

/** Encrypt a secret for the database; the empty string stays empty (nothing set). */
export function sealSecret(config: Pick<Config, 'dataDir' | 'secretKey'>, plain: string): string {
  if (plain === '') return '';
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', serverSecretKey(config), nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

/** A stored secret encrypted if it is not yet (a legacy plain value), else as it is. */
export function resealSecret(config: Pick<Config, 'dataDir' | 'secretKey'>, stored: string): string {
  return stored === '' || isSealed(stored) ? stored : sealSecret(config, stored);
}

export class SecretKeyError extends Error {}

/**
 * The secret a stored value holds: decrypted, or a legacy plain value as it is. A value this
 * server's key cannot open (another key, a changed CRM_SECRET_KEY) is a SecretKeyError.
 */
export function openSecret(config: Pick<Config, 'dataDir' | 'secretKey'>, stored: string): string {
  if (!isSealed(stored)) return stored;
  const data = Buffer.from(stored.slice(prefix.length), 'base64');
  try {
    if (data.length < 28) throw new Error('too short');
    const decipher = crypto.createDecipheriv('aes-256-gcm', serverSecretKey(config), data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError('a stored secret cannot be decrypted with this server\'s key (CRM_SECRET_KEY or the data folder\'s secret.key changed): enter it again');
  }
}
