import type { Readable } from 'node:stream';

/** A stored file as read back: its size in bytes and its bytes as a stream. */
export interface StoredFile {
  size: number;
  stream: Readable;
}

/**
 * Where uploaded files live (attachments, import files): the data folder of one server, or an
 * S3-compatible bucket shared by every server. Keys are relative paths (`attachments/2026/11/…`,
 * `imports/12.csv`) made by the server, never by a user.
 */
export interface FileStorage {
  /** Store a file under `key`, whole or not at all: a reader never sees half a file. */
  put(key: string, body: Buffer | Readable): Promise<void>;
  /** The stored file, or null when there is none under `key`. */
  get(key: string): Promise<StoredFile | null>;
  /** Remove the file (nothing happens when there is none). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
