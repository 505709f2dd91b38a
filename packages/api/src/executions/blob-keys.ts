/**
 * Where an execution's payloads live in the BlobStore: under its owner, so keys never cross users. The
 * owner's folder is `u` + base64url of the UTF-8 user id: any id (an e-mail, `team/alice`, `..`) becomes
 * one segment of `[A-Za-z0-9_-]` that a file or object store takes as is, and two ids never share a folder.
 */

/** Longest user id in UTF-8 bytes: its folder name (`u` + 172 characters) stays under file-name limits. */
export const MAX_USER_ID_BYTES = 128;

export function isUsableUserId(userId: unknown): userId is string {
  if (typeof userId !== 'string') return false;
  const bytes = new TextEncoder().encode(userId).length;
  return bytes > 0 && bytes <= MAX_USER_ID_BYTES;
}

export function userFolder(userId: string): string {
  // A caller past authentication always holds a usable id; anything else is a bug of the composer.
  if (!isUsableUserId(userId)) throw new Error('a user id must be 1 to 128 bytes of UTF-8');
  const binary = String.fromCharCode(...new TextEncoder().encode(userId));
  return `u${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

export function requestKey(userId: string, executionId: string): string {
  return `executions/${userFolder(userId)}/${executionId}/request.json`;
}

export function resultKey(userId: string, executionId: string): string {
  return `executions/${userFolder(userId)}/${executionId}/result.json`;
}
