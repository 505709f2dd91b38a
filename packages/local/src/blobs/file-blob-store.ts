/**
 * The BlobStore of one machine: one file per key under a root directory (`STRATEX_HOME/blobs`).
 * A put writes a temporary file beside the target and renames it over the target, so a reader sees the
 * old body or the new one, never a part, and concurrent writers of one key leave one whole body (the
 * last rename). Files are 0600 and directories 0700: results are the user's alone. Errors name the key,
 * never the host path.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type BlobStore, StratexError } from '@stratex/core';
import { keySegments } from './blob-key.js';

/** A BlobStore under `root` (created 0700 on the first put). */
export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => join(root, ...keySegments(key));
  return {
    async put(key, body) {
      const target = pathOf(key);
      await guarded(key, 'write', async () => {
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        await writeAtomically(target, body);
      });
    },
    async get(key) {
      const target = pathOf(key);
      return guarded(key, 'read', async () => {
        try {
          const bytes = await readFile(target);
          return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        } catch (err) {
          // A key that names a folder of other blobs holds nothing itself.
          if (errorCode(err) === 'ENOENT' || errorCode(err) === 'EISDIR' || errorCode(err) === 'ENOTDIR') {
            return undefined;
          }
          throw err;
        }
      });
    },
    async delete(key) {
      const target = pathOf(key);
      // Empty directories stay: removing one could pull it from under a concurrent put.
      await guarded(key, 'delete', () => removeFile(target));
    },
  };
}

async function writeAtomically(target: string, body: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(body);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/** Removes the file at `target`; nothing there, or a folder of other blobs, is nothing to delete. */
async function removeFile(target: string): Promise<void> {
  try {
    await unlink(target);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    // Linux says EISDIR for a directory, macOS EPERM.
    if ((code === 'EISDIR' || code === 'EPERM') && (await lstat(target)).isDirectory()) return;
    throw err;
  }
}

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/** Runs a file operation, turning a file system error into a contract error without the path. */
async function guarded<T>(key: string, action: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof StratexError) throw err;
    const code = errorCode(err);
    if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
      throw new StratexError('INVALID_REQUEST', `blob ${key}: a key cannot be both a blob and a folder of blobs`);
    }
    throw new StratexError('INTERNAL', `blob ${key}: could not ${action} it${code === undefined ? '' : ` (${code})`}`);
  }
}
