import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStorage, StoredFile } from './storage.js';

/** Files in a folder (the data folder by default): one server, or a folder every server mounts. */
export class FolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`storage key outside the folder: ${key}`);
    return full;
  }

  /** Write a temporary file, flush it to disk, then rename it into place and flush the folder. */
  async put(key: string, body: Buffer | Readable): Promise<void> {
    const finalPath = this.pathOf(key);
    const dir = path.dirname(finalPath);
    await fs.promises.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(finalPath)}.${process.pid}.${Date.now()}.tmp`);
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      try {
        if (Buffer.isBuffer(body)) await handle.writeFile(body);
        else for await (const chunk of body) await handle.write(chunk as Buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(temp, finalPath);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    try {
      const folder = await fs.promises.open(dir, 'r');
      await folder.sync().finally(() => folder.close());
    } catch {
      // Folder fsync is not supported everywhere (Windows); the rename itself is atomic.
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    const handle = await fs.promises.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!handle) return null;
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    return { size: stat.size, stream: handle.createReadStream({ highWaterMark: 256 * 1024 }) };
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises.stat(this.pathOf(key)).then((s) => s.isFile(), () => false);
  }
}
