import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';

/** A storage key: two hex characters of a folder, then 32 of a random name. Nothing else. */
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/**
 * The attachments' files on disk, under ATTACHMENTS_DIR (default `$DATA_DIR/attachments`). A
 * file's name is random (never the uploader's), so no name a user sends reaches the file system;
 * a key read back from the database is checked against the same pattern before it is used.
 */
@Injectable()
export class AttachmentStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.attachments.dir;
  }

  /** A new random key: chosen before the file is written, so a failed write can be undone. */
  newKey(): string {
    const name = randomBytes(16).toString('hex');
    return `${name.slice(0, 2)}/${name}`;
  }

  /** Writes the bytes under the key, never over an existing file. */
  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o750 });
    await writeFile(path, bytes, { flag: 'wx', mode: 0o640 });
  }

  read(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  /** Removes the file; one already gone is no error. */
  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not an attachment storage key: ${key}`);
    return join(this.root, key);
  }
}
