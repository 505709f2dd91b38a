/**
 * Blob keys as relative paths that can only land under the store's root: segments of
 * `[A-Za-z0-9._-]` joined by `/`, none empty and none starting with a dot (so no `.`, no `..`, and no
 * clash with the store's own `.…tmp` files), bounded in length.
 */
import { StratexError } from '@stratex/core';

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 512;
/** Below the usual NAME_MAX of 255, leaving room for the temporary file's suffix. */
const MAX_SEGMENT_LENGTH = 200;

/** The key's segments; anything else is INVALID_REQUEST. */
export function keySegments(key: string): string[] {
  const invalid = () =>
    new StratexError(
      'INVALID_REQUEST',
      'a blob key is a relative path of [A-Za-z0-9._-] segments joined by /, none empty or starting with a dot',
    );
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw invalid();
  const segments = key.split('/');
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment.length > MAX_SEGMENT_LENGTH) throw invalid();
  }
  return segments;
}
