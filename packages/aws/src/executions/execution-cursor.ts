/**
 * The opaque cursor of a listing: base64url of the last execution id of a page, nothing else. It names
 * no partition: the next query runs in the caller's own partition and starts after that id, so a cursor
 * copied from another user, or edited, only moves the start within the caller's items; it never reads
 * another user's.
 */
import { isExecutionId, StratexError } from '@stratex/core';

const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** The id a cursor holds; anything not made by encodeCursor is INVALID_REQUEST. */
export function decodeCursor(cursor: string): string {
  const malformed = new StratexError('INVALID_REQUEST', 'malformed cursor: pass the `next` of the previous page');
  if (typeof cursor !== 'string' || !BASE64URL.test(cursor)) throw malformed;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  // Canonical only: Node's decoder skips stray characters, so the id must encode back to the same text.
  if (!isExecutionId(id) || encodeCursor(id) !== cursor) throw malformed;
  return id;
}
