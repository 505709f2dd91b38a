/** Fingerprints that make a run reproducible: the exact candles fed and the exact source. */
import { createHash } from 'node:crypto';
import type { StrategyData } from '../ports.js';

const COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

/**
 * `sha256:<hex>` of the six float64 columns (timestamp, open, high, low, close, volume — in that
 * order, each as its little-endian IEEE 754 bytes) of the bars fed to the strategy, warm-up included.
 */
export function dataHash(data: StrategyData): string {
  const hash = createHash('sha256');
  // Typed arrays use the platform's byte order, little-endian on every platform Node and Lambda run on.
  for (const name of COLUMNS) {
    const column = data[name];
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return `sha256:${hash.digest('hex')}`;
}

/** `sha256:<hex>` of a strategy's source text (UTF-8). */
export function codeHash(code: string): string {
  return `sha256:${createHash('sha256').update(code, 'utf8').digest('hex')}`;
}
