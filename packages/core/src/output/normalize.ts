/**
 * Validation and normalisation of what a strategy returns (CONTRACT.md section 1) into a
 * NormalizedOutput. Every problem is a STRATEGY_ERROR that names the key (as the strategy spelled it)
 * and, where one bar is at fault, the bar.
 */
import { readIndicators } from './indicators.js';
import { BOOLEAN_KEYS, canonicalKey, type OutputKey, suggestKey } from './keys.js';
import { brandNormalized, type NormalizedOutput } from './normalized-output.js';
import { describeValue, isSeries, readBooleans, readNumbers, type ValueRange } from './series.js';
import { type BooleanSeries, signalFlags, targetFlags } from './signal-flags.js';
import { outputError } from './strategy-error.js';

const UNIT_OPEN: ValueRange = { accepts: (v) => v > 0 && v < 1, text: 'in (0, 1), or NaN for none' };

const RANGES = {
  size: { accepts: (v: number) => v >= 0 && v <= 1, text: 'in [0, 1] (NaN at an entry means 1)' },
  stop_loss: UNIT_OPEN,
  trailing_stop: UNIT_OPEN,
  take_profit: { accepts: (v: number) => v > 0 && v < Number.POSITIVE_INFINITY, text: 'a number > 0, or NaN for none' },
  position: {
    accepts: (v: number) => v >= -1 && v <= 1,
    text: 'in [-1, 1], or NaN to keep the target of the bar before',
  },
} satisfies Record<string, ValueRange>;

interface Given {
  spelling: string;
  value: unknown;
}

/**
 * Validates a strategy's output for `bars` bars and turns it into typed arrays. Typed arrays of the
 * right type are used as they are (not copied). Throws StratexError('STRATEGY_ERROR') naming key and bar.
 */
export function normalizeOutput(output: unknown, bars: number): NormalizedOutput {
  const given = collectKeys(output);
  const position = given.get('position');
  if (position !== undefined) {
    const other = BOOLEAN_KEYS.map((k) => given.get(k)).find((g) => g !== undefined);
    if (other !== undefined) {
      throw outputError(
        `${position.spelling} cannot be combined with ${other.spelling}: return either a position target or entry/exit signals`,
        other.spelling,
      );
    }
  } else if (!given.has('entries') && !given.has('short_entries')) {
    throw outputError('the strategy returned no entries, short_entries or position, so it can never trade');
  }
  const booleans = (key: (typeof BOOLEAN_KEYS)[number]): BooleanSeries => {
    const g = given.get(key);
    if (g === undefined) {
      const bytes = new Uint8Array(bars);
      return { bytes, given: bytes, key };
    }
    return { bytes: readBooleans(g.value, g.spelling, bars), given: g.value as ArrayLike<unknown>, key: g.spelling };
  };
  const numbers = (key: keyof typeof RANGES, scalar: boolean) => {
    const g = given.get(key);
    return g === undefined ? Float64Array.of(Number.NaN) : readNumbers(g.value, g.spelling, bars, RANGES[key], scalar);
  };
  const indicators = given.get('indicators');
  const signals = [booleans('entries'), booleans('exits'), booleans('short_entries'), booleans('short_exits')] as const;
  const targets = position === undefined ? null : numbers('position', false);
  return brandNormalized({
    bars,
    mode: targets === null ? 'signals' : 'position',
    entries: signals[0].bytes,
    exits: signals[1].bytes,
    shortEntries: signals[2].bytes,
    shortExits: signals[3].bytes,
    position: targets,
    active: targets === null ? signalFlags(signals, bars) : targetFlags(targets),
    size: numbers('size', true),
    stopLoss: numbers('stop_loss', true),
    takeProfit: numbers('take_profit', true),
    trailingStop: numbers('trailing_stop', true),
    indicators: indicators === undefined ? {} : readIndicators(indicators.value, indicators.spelling, bars),
  });
}

/** The returned keys by canonical name. A key whose value is null/None counts as not returned. */
function collectKeys(output: unknown): Map<OutputKey, Given> {
  if (typeof output !== 'object' || output === null || isSeries(output)) {
    throw outputError(
      `the strategy must return an object (dict) such as {entries, exits} or {position}; got ${describeValue(output)}`,
    );
  }
  const given = new Map<OutputKey, Given>();
  for (const [spelling, value] of Object.entries(output)) {
    const key = canonicalKey(spelling);
    if (key === undefined) {
      const hint = suggestKey(spelling);
      throw outputError(
        `unknown key "${spelling}" in the strategy's result${hint ? `; did you mean "${hint}"?` : ''}`,
        spelling,
      );
    }
    if (value === null || value === undefined) continue;
    const twin = given.get(key);
    if (twin !== undefined) {
      throw outputError(`${twin.spelling} and ${spelling} are the same key; return only one of them`, spelling);
    }
    given.set(key, { spelling, value });
  }
  return given;
}
