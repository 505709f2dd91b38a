import { describe, expect, it } from 'vitest';
import type { StratexError } from '../errors.js';
import { normalizeOutput } from './normalize.js';
import { ENTRY_LONG, ENTRY_SHORT, EXIT_LONG, EXIT_SHORT, TARGET } from './signal-flags.js';

/** Every bar's flags the slow way, to hold the four-bars-at-a-time pass against. */
function expectedFlags(el: ArrayLike<number>, xl: ArrayLike<number>, es: ArrayLike<number>, xs: ArrayLike<number>) {
  return Array.from(el, (_, i) => el[i] * ENTRY_LONG + xl[i] * EXIT_LONG + es[i] * ENTRY_SHORT + xs[i] * EXIT_SHORT);
}

function randomBits(n: number, seed: number): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % 3 === 0 ? 1 : 0;
  });
}

describe('signal flags', () => {
  it.each([1, 3, 4, 7, 64, 1001])('match the four arrays bar by bar for %i bars', (n) => {
    const [el, xl, es, xs] = [1, 2, 3, 4].map((s) => randomBits(n, s));
    const out = normalizeOutput({ entries: el, exits: xl, short_entries: es, short_exits: xs }, n);
    expect(Array.from(out.active)).toEqual(expectedFlags(el, xl, es, xs));
  });

  it('handles typed arrays that do not start on a 4-byte boundary', () => {
    const el = randomBits(41, 9).subarray(1);
    const xl = randomBits(40, 5);
    const out = normalizeOutput({ entries: el, exits: xl }, 40);
    expect(Array.from(out.active)).toEqual(expectedFlags(el, xl, new Uint8Array(40), new Uint8Array(40)));
  });

  it.each([
    ['in the word-at-a-time part', 21],
    ['in the tail', 38],
  ])('names key and bar of a byte that is not 0/1 %s', (_where, bar) => {
    const exits = new Uint8Array(39);
    exits[bar] = 2;
    try {
      normalizeOutput({ entries: new Uint8Array(39), exits }, 39);
      expect.unreachable();
    } catch (err) {
      expect((err as StratexError).details).toEqual({ key: 'exits', bar });
      expect((err as StratexError).message).toContain(`exits[${bar}] is 2`);
    }
  });

  it('shows an Int8Array −1 as −1', () => {
    const entries = Int8Array.of(0, 0, 0, 0, 0, -1, 0, 0);
    expect(() => normalizeOutput({ entries }, 8)).toThrow('entries[5] is -1');
  });

  it('marks the bars of a position output that set a target', () => {
    const out = normalizeOutput({ position: [Number.NaN, 0, Number.NaN, 1] }, 4);
    expect(Array.from(out.active)).toEqual([0, TARGET, 0, TARGET]);
  });
});
