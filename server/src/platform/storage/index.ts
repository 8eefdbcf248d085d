import type { Config } from '../config.js';
import { FolderStorage } from './folder-storage.js';
import type { FileStorage } from './storage.js';

export type { FileStorage, StoredFile } from './storage.js';

/**
 * The storage the configuration names: the data folder (default) or an S3-compatible bucket (the
 * S3 client is loaded only then: it is large, and most servers use the folder).
 */
export async function createStorage(config: Pick<Config, 'dataDir' | 'storage'>): Promise<FileStorage> {
  if (config.storage.kind !== 's3') return new FolderStorage(config.dataDir);
  const { S3Storage } = await import('./s3-storage.js');
  return new S3Storage(config.storage);
}
