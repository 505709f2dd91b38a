/**
 * A chunk's bars as one binary attribute: six float64 columns (time, open, high, low, close, volume)
 * back to back, little-endian, so decoding is one copy instead of parsing 6 × n numbers.
 */
import type { StrategyData } from '@stratex/core';

const COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Packs the bars into bytes (6 × 8 × n). */
export function encodeChunk(bars: StrategyData): Uint8Array {
  const n = bars.timestamp.length;
  const packed = new Float64Array(6 * n);
  COLUMNS.forEach((column, c) => {
    packed.set(bars[column], c * n);
  });
  if (!LITTLE_ENDIAN) swapBytes(packed);
  return new Uint8Array(packed.buffer);
}

/** Unpacks what encodeChunk packed; throws on a length that is not 6 × 8 × n. */
export function decodeChunk(bytes: Uint8Array): StrategyData {
  if (bytes.byteLength % 48 !== 0) throw new Error(`corrupt candle chunk: ${bytes.byteLength} bytes`);
  // A copy: the SDK's buffer may start at an offset that is not a multiple of 8.
  const packed = new Float64Array(bytes.slice().buffer);
  if (!LITTLE_ENDIAN) swapBytes(packed);
  const n = packed.length / 6;
  const column = (c: number) => packed.subarray(c * n, (c + 1) * n);
  return {
    timestamp: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
  };
}

function swapBytes(values: Float64Array): void {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
}
