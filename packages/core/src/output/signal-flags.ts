/**
 * One byte per bar saying what the bar carries, so the bar loop reads one array instead of four
 * (on most bars nothing happens, and that check is most of the loop's work there).
 */
import { describeValue } from './series.js';
import { outputError } from './strategy-error.js';

export const ENTRY_LONG = 1;
export const EXIT_LONG = 2;
export const ENTRY_SHORT = 4;
export const EXIT_SHORT = 8;
/** A `position` bar with a target (not NaN). */
export const TARGET = 16;

/** A boolean key's 0/1 bytes, with the array and spelling the strategy returned (for messages). */
export interface BooleanSeries {
  bytes: Uint8Array;
  given: ArrayLike<unknown>;
  key: string;
}

/**
 * The flags of entries, exits, short entries and short exits. This pass is also where typed 0/1 arrays
 * are checked (they are taken without a copy): a byte other than 0/1 is a STRATEGY_ERROR naming key and bar.
 */
export function signalFlags(
  series: readonly [BooleanSeries, BooleanSeries, BooleanSeries, BooleanSeries],
  bars: number,
): Uint8Array {
  const flags = new Uint8Array(bars);
  const bytes = series.map((s) => s.bytes);
  const done = bytes.every((b) => b.byteOffset % 4 === 0) ? flagWords(bytes, flags) : 0;
  const [a, b, c, d] = bytes;
  for (let i = done; i < bars; i++) {
    const el = a[i];
    const xl = b[i];
    const es = c[i];
    const xs = d[i];
    if ((el | xl | es | xs) > 1) throw badByte(series, i);
    flags[i] = el | (xl << 1) | (es << 2) | (xs << 3);
  }
  return flags;
}

/**
 * Four bars at a time through 32-bit views: with every byte 0 or 1, shifting a word left by up to 3
 * keeps each bar's bit inside its own byte. Returns how many bars it did (a multiple of 4); a word with
 * a byte above 1 stops it there, so the byte loop finds and names that bar.
 */
function flagWords(bytes: Uint8Array[], flags: Uint8Array): number {
  const words = flags.length >>> 2;
  const [a, b, c, d] = bytes.map((x) => new Uint32Array(x.buffer, x.byteOffset, words));
  const out = new Uint32Array(flags.buffer, 0, words);
  for (let w = 0; w < words; w++) {
    const el = a[w];
    const xl = b[w];
    const es = c[w];
    const xs = d[w];
    if (((el | xl | es | xs) & 0xfefefefe) !== 0) return w * 4;
    out[w] = el | (xl << 1) | (es << 2) | (xs << 3);
  }
  return words * 4;
}

function badByte(series: readonly BooleanSeries[], bar: number) {
  const bad = series.find((s) => s.bytes[bar] > 1)!;
  const value = bad.given[bar];
  return outputError(
    `${bad.key}[${bar}] is ${describeValue(value)}; ${bad.key} must hold booleans (true/false or 0/1)`,
    bad.key,
    bar,
  );
}

/** The flags of a `position` output: TARGET where the bar sets a target. */
export function targetFlags(position: Float64Array): Uint8Array {
  const flags = new Uint8Array(position.length);
  for (let i = 0; i < position.length; i++) if (!Number.isNaN(position[i])) flags[i] = TARGET;
  return flags;
}
