/**
 * An ExecutionRepo and a BlobStore in memory, with the ports' semantics (conditional create and update,
 * newest first, opaque cursors). For the API's own tests; the server's tests use the real adapters.
 */
import {
  type BlobStore,
  type ExecutionChange,
  type ExecutionRecord,
  type ExecutionRepo,
  type ExecutionStatus,
  type Page,
  StratexError,
} from '@stratex/core';

export function memoryExecutionRepo(): ExecutionRepo & { records: Map<string, ExecutionRecord> } {
  const records = new Map<string, ExecutionRecord>();
  const key = (userId: string, id: string) => `${userId}\u0000${id}`;
  return {
    records,
    async create(record) {
      if (records.has(key(record.userId, record.id))) {
        throw new StratexError('INVALID_REQUEST', 'an execution with this id exists');
      }
      records.set(key(record.userId, record.id), { ...record });
    },
    async update(userId: string, id: string, change: ExecutionChange, expected: ExecutionStatus) {
      const record = records.get(key(userId, id));
      if (record === undefined || record.status !== expected) return false;
      records.set(key(userId, id), { ...record, ...change });
      return true;
    },
    async get(userId, id) {
      const record = records.get(key(userId, id));
      return record === undefined ? undefined : { ...record };
    },
    async list(userId, { limit, cursor }): Promise<Page<ExecutionRecord>> {
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      const mine = [...records.values()]
        .filter((r) => r.userId === userId && (after === undefined || r.id < after))
        .sort((a, b) => (a.id < b.id ? 1 : -1));
      const items = mine.slice(0, limit);
      const more = mine.length > limit;
      return more ? { items, next: Buffer.from(items[items.length - 1].id).toString('base64url') } : { items };
    },
  };
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^exe_[0-9a-z]+$/.test(id))
    throw new StratexError('INVALID_REQUEST', 'cursor is not valid', { field: 'cursor' });
  return id;
}

export function memoryBlobStore(): BlobStore & { blobs: Map<string, Uint8Array> } {
  const blobs = new Map<string, Uint8Array>();
  return {
    blobs,
    async put(key, body) {
      blobs.set(key, body.slice());
    },
    async get(key) {
      return blobs.get(key)?.slice();
    },
    async delete(key) {
      blobs.delete(key);
    },
  };
}
