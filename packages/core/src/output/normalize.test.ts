import { describe, expect, it } from 'vitest';
import { StratexError } from '../errors.js';
import { normalizeOutput } from './normalize.js';
import { valueAt } from './normalized-output.js';

/** The StratexError a call throws (fails the test when it throws nothing or something else). */
function errorOf(call: () => unknown): StratexError {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(StratexError);
    return err as StratexError;
  }
  throw new Error('expected a StratexError, nothing was thrown');
}

describe('normalizeOutput: key spellings', () => {
  it('reads snake_case and camelCase spellings into the same arrays', () => {
    const snake = normalizeOutput({ short_entries: [1, 0, 0], short_exits: [0, 0, 1], stop_loss: 0.1 }, 3);
    const camel = normalizeOutput({ shortEntries: [1, 0, 0], shortExits: [0, 0, 1], stopLoss: 0.1 }, 3);
    expect(camel).toEqual(snake);
    expect(Array.from(snake.shortEntries)).toEqual([1, 0, 0]);
    expect([0, 1, 2].map((bar) => valueAt(snake.stopLoss, bar))).toEqual([0.1, 0.1, 0.1]);
  });

  it('rejects both spellings of one key', () => {
    const err = errorOf(() => normalizeOutput({ entries: [1, 0], stop_loss: 0.1, stopLoss: 0.2 }, 2));
    expect(err.code).toBe('STRATEGY_ERROR');
    expect(err.message).toContain('stop_loss and stopLoss');
  });

  it('rejects an unknown key and suggests the key it looks like', () => {
    const err = errorOf(() => normalizeOutput({ entries: [1, 0], stoploss: 0.1 }, 2));
    expect(err.message).toContain('"stoploss"');
    expect(err.message).toContain('did you mean "stop_loss"');
    expect(err.details).toEqual({ key: 'stoploss' });
  });

  it('rejects an unknown key unlike any known one without a guess', () => {
    const err = errorOf(() => normalizeOutput({ entries: [1, 0], leverage: 2 }, 2));
    expect(err.message).toContain('"leverage"');
    expect(err.message).not.toContain('did you mean');
  });

  it('treats a key whose value is null/None as not returned', () => {
    const out = normalizeOutput({ entries: [true, false], exits: null, take_profit: undefined }, 2);
    expect(Array.from(out.exits)).toEqual([0, 0]);
    expect(Number.isNaN(out.takeProfit[0])).toBe(true);
  });
});

describe('normalizeOutput: booleans', () => {
  it('accepts boolean[], number[] of 0/1, Int8Array and Float64Array of 0/1 alike', () => {
    const expected = [1, 0, 1];
    for (const entries of [[true, false, true], [1, 0, 1], Int8Array.of(1, 0, 1), Float64Array.of(1, 0, 1)]) {
      expect(Array.from(normalizeOutput({ entries }, 3).entries)).toEqual(expected);
    }
  });

  it('uses a valid Uint8Array as it is, without a copy', () => {
    const entries = Uint8Array.of(0, 1, 0);
    expect(normalizeOutput({ entries }, 3).entries).toBe(entries);
  });

  it.each([
    ['a 2', [0, 2, 0], 1, '2'],
    ['a NaN', [0, 0, Number.NaN], 2, 'NaN'],
    ['a null', [null, 0, 0], 0, 'null'],
    ['a string', [0, 'yes', 0], 1, '"yes"'],
    ['a 2 in a Uint8Array', Uint8Array.of(0, 0, 2), 2, '2'],
  ])('names key and bar of %s', (_what, exits, bar, shown) => {
    const err = errorOf(() => normalizeOutput({ entries: [0, 0, 0], exits }, 3));
    expect(err.code).toBe('STRATEGY_ERROR');
    expect(err.details).toEqual({ key: 'exits', bar });
    expect(err.message).toContain(`exits[${bar}] is ${shown}`);
  });

  it('rejects a scalar where an array per bar is needed', () => {
    const err = errorOf(() => normalizeOutput({ entries: true }, 3));
    expect(err.message).toContain('entries must be an array');
  });
});

describe('normalizeOutput: lengths and shape', () => {
  it('names the key and the first bar without a value when an array is too short', () => {
    const err = errorOf(() => normalizeOutput({ entries: [0, 1], exits: [0, 0, 0] }, 3));
    expect(err.details).toEqual({ key: 'entries', bar: 2 });
    expect(err.message).toContain('entries has 2 values but there are 3 bars');
  });

  it('names the first extra bar when an array is too long', () => {
    const err = errorOf(() => normalizeOutput({ entries: [0, 1, 0], stop_loss: [0.1, 0.1, 0.1, 0.1] }, 3));
    expect(err.details).toEqual({ key: 'stop_loss', bar: 3 });
  });

  it.each([
    ['a list', [1, 0]],
    ['null', null],
    ['a number', 3],
  ])('rejects %s instead of an object', (_what, output) => {
    expect(errorOf(() => normalizeOutput(output, 2)).message).toContain('must return an object');
  });

  it('rejects an output that can never trade', () => {
    expect(errorOf(() => normalizeOutput({ exits: [0, 1] }, 2)).message).toContain(
      'no entries, short_entries or position',
    );
  });
});

describe('normalizeOutput: position', () => {
  it('keeps NaN (hold) and null as NaN and leaves the signal arrays empty', () => {
    const out = normalizeOutput({ position: [null, 1, Number.NaN, -0.5] }, 4);
    expect(out.mode).toBe('position');
    expect(Array.from(out.position!)).toEqual([Number.NaN, 1, Number.NaN, -0.5]);
    expect(Array.from(out.entries)).toEqual([0, 0, 0, 0]);
  });

  it('cannot be combined with entries or exits', () => {
    const err = errorOf(() => normalizeOutput({ position: [0, 1], exits: [0, 0] }, 2));
    expect(err.details).toEqual({ key: 'exits' });
    expect(err.message).toContain('position cannot be combined with exits');
  });

  it.each([1.5, -1.01, Number.POSITIVE_INFINITY])('rejects a target of %s naming the bar', (bad) => {
    const err = errorOf(() => normalizeOutput({ position: [0, 0.5, bad] }, 3));
    expect(err.details).toEqual({ key: 'position', bar: 2 });
    expect(err.message).toContain('in [-1, 1]');
  });
});

describe('normalizeOutput: size and levels', () => {
  it('reads a scalar as the value of every bar and keeps per-bar arrays, NaN for none', () => {
    const out = normalizeOutput({ entries: [1, 0, 0], size: 0.5, take_profit: [null, 2, 0.1] }, 3);
    const perBar = (series: Float64Array) => [0, 1, 2].map((bar) => valueAt(series, bar));
    expect(perBar(out.size)).toEqual([0.5, 0.5, 0.5]);
    expect(perBar(out.takeProfit)).toEqual([Number.NaN, 2, 0.1]);
    expect(perBar(out.trailingStop)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    // A scalar is stored once, not as a per-bar copy.
    expect(out.size).toHaveLength(1);
  });

  it.each([
    ['size', -0.1, 'in [0, 1]'],
    ['size', 1.5, 'in [0, 1]'],
    ['stop_loss', 0, 'in (0, 1)'],
    ['stop_loss', 1, 'in (0, 1)'],
    ['trailingStop', -0.05, 'in (0, 1)'],
    ['take_profit', 0, '> 0'],
    ['take_profit', Number.POSITIVE_INFINITY, '> 0'],
  ])('rejects %s = %s as a scalar', (key, value, text) => {
    const err = errorOf(() => normalizeOutput({ entries: [1, 0], [key]: value }, 2));
    expect(err.code).toBe('STRATEGY_ERROR');
    expect(err.details).toEqual({ key });
    expect(err.message).toContain(text);
  });

  it('names the bar of a bad per-bar level', () => {
    const err = errorOf(() =>
      normalizeOutput({ entries: [1, 0, 0], stop_loss: Float64Array.of(0.1, Number.NaN, 1.2) }, 3),
    );
    expect(err.details).toEqual({ key: 'stop_loss', bar: 2 });
    expect(err.message).toContain('stop_loss[2] is 1.2');
  });

  it('accepts size 0 and NaN (the engine skips or uses 1)', () => {
    const out = normalizeOutput({ entries: [1, 1], size: [0, Number.NaN] }, 2);
    expect(Array.from(out.size)).toEqual([0, Number.NaN]);
  });

  it('rejects booleans where numbers are expected', () => {
    const err = errorOf(() => normalizeOutput({ entries: [1, 0], size: [true, 0.5] }, 2));
    expect(err.details).toEqual({ key: 'size', bar: 0 });
  });
});

describe('normalizeOutput: indicators', () => {
  it('passes series through as Float64Array with null as NaN and flattens multi-output indicators', () => {
    const out = normalizeOutput(
      { entries: [0, 0], indicators: { fast: [null, 2], bb: { upper: [3, 4], lower: Float64Array.of(1, 2) } } },
      2,
    );
    expect(Object.keys(out.indicators)).toEqual(['fast', 'bb.upper', 'bb.lower']);
    expect(Array.from(out.indicators.fast)).toEqual([Number.NaN, 2]);
    expect(Array.from(out.indicators['bb.upper'])).toEqual([3, 4]);
  });

  it('turns ±Infinity into NaN so the series stays JSON-safe', () => {
    const out = normalizeOutput(
      { entries: [0, 0], indicators: { ratio: Float64Array.of(1, Number.POSITIVE_INFINITY) } },
      2,
    );
    expect(Array.from(out.indicators.ratio)).toEqual([1, Number.NaN]);
  });

  it('names the indicator with the wrong length', () => {
    const err = errorOf(() => normalizeOutput({ entries: [0, 0], indicators: { fast: [1, 2, 3] } }, 2));
    expect(err.details).toEqual({ key: 'indicators.fast', bar: 2 });
  });
});
