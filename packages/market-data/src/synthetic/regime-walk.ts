/**
 * Log-returns of a random walk that switches between regimes, so that synthetic candles give
 * strategies something to find: trends up and down, mean-reverting ranges, and calm or wild volatility.
 * Everything is in units of the bar's own volatility, so every timeframe looks alike.
 */
import type { Random } from './random.js';

type Kind = 'trend-up' | 'trend-down' | 'range';

interface Regime {
  kind: Kind;
  /** Bars left in this regime. */
  left: number;
  /** Drift per bar as a multiple of the bar's volatility (trends). */
  drift: number;
  /** Volatility multiplier: calm 0.5, normal 1, wild 2.5. */
  volatility: number;
  /** Log price the range reverts to. */
  anchor: number;
}

/** One bar of the walk: its log-return and its volatility (for wicks and volume). */
export interface WalkStep {
  logReturn: number;
  sigma: number;
}

export interface RegimeWalk {
  /** The next bar, given the current log price (relative to the start). */
  step(logPrice: number): WalkStep;
}

const KINDS: Kind[] = ['trend-up', 'trend-down', 'range'];
const VOLATILITY = [0.5, 1, 1, 2.5];
/** Regimes last 30 to 400 bars. */
const MIN_BARS = 30;
const MAX_BARS = 400;
/** Pull towards the start price, so that millions of bars do not drift off to extremes. */
const HOME_PULL = 0.002;
const RANGE_PULL = 0.05;

/** A regime-switching walk with per-bar volatility `sigmaBar` (as a fraction, e.g. 0.007 for 1h). */
export function createRegimeWalk(random: Random, sigmaBar: number): RegimeWalk {
  let regime = nextRegime(random, 0);
  return {
    step(logPrice: number): WalkStep {
      if (regime.left <= 0) regime = nextRegime(random, logPrice);
      regime.left -= 1;
      const sigma = sigmaBar * regime.volatility;
      const pull = regime.kind === 'range' ? RANGE_PULL * (regime.anchor - logPrice) : -HOME_PULL * logPrice;
      return { logReturn: pull + regime.drift * sigma + sigma * random.normal(), sigma };
    },
  };
}

function nextRegime(random: Random, logPrice: number): Regime {
  const kind = KINDS[Math.floor(random.uniform() * KINDS.length)];
  const strength = 0.05 + 0.1 * random.uniform();
  return {
    kind,
    left: MIN_BARS + Math.floor(random.uniform() * (MAX_BARS - MIN_BARS)),
    drift: kind === 'trend-up' ? strength : kind === 'trend-down' ? -strength : 0,
    volatility: VOLATILITY[Math.floor(random.uniform() * VOLATILITY.length)],
    anchor: logPrice,
  };
}
