/**
 * Where a bar's chunk starts: a fixed grid of CHUNK_BARS bars per timeframe from the epoch, so every
 * writer computes the same chunk keys without coordination. 2,048 bars are 96 KB packed, well under
 * DynamoDB's 400 KB item limit; a year of 1h bars is five chunks.
 */

export const CHUNK_BARS = 2048;

/** Open time of the chunk holding a bar opened at `time`. */
export function chunkStart(time: number, timeframeMs: number): number {
  const span = CHUNK_BARS * timeframeMs;
  return Math.floor(time / span) * span;
}

/** The sort key of a chunk: zero-padded so that string order is time order. */
export function chunkSortKey(start: number): string {
  return `chunk#${String(start).padStart(15, '0')}`;
}
