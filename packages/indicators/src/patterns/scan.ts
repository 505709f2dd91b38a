/**
 * The sliding-window runner behind every candlestick pattern: technicalindicators' detectors answer
 * "does the pattern end at the last candle of this input?", we ask it once per bar and line the
 * answers up with the input.
 */
import { asFloat64, checkSameLength, type Values } from '../input.js';

/** The candles technicalindicators' detectors read: plain arrays, oldest first. */
export interface CandleWindow {
  open: number[];
  high: number[];
  low: number[];
  close: number[];
}

/** A technicalindicators detector such as `doji` or `hammerpattern` (it returns a boolean typed `any`). */
export type Detector = (window: CandleWindow) => unknown;

/**
 * A cheap test that must hold for the detector to answer true at bar `t` (the window's last bar):
 * either a literal copy of one of the detector's own conjuncts or a call of the smaller
 * technicalindicators detectors it ANDs in. It only spares the costly trend check of the five-bar
 * patterns, so it can never change an answer (the tests compare against the bare detector).
 */
export type Candidate = (o: Float64Array, h: Float64Array, l: Float64Array, c: Float64Array, t: number) => boolean;

/** A pattern: its name (for error messages), how many candles it reads, and its detector. */
export interface PatternSpec {
  name: string;
  count: number;
  detect: Detector;
  candidate?: Candidate;
}

/** The signature of every pattern: candles in, 0/1 per bar out. */
export type PatternFunction = (open: Values, high: Values, low: Values, close: Values) => Uint8Array;

/** A pattern function for `spec` (see scanPattern). */
export function definePattern(spec: PatternSpec): PatternFunction {
  return (open, high, low, close) => scanPattern(spec, open, high, low, close);
}

/**
 * `out[t]` is 1 when the detector finds the pattern in the `count` candles ending at bar t.
 * Bars t < count - 1 are 0 (not enough candles), and so is every bar whose window holds a value that
 * is not finite: technicalindicators has no NaN rule of its own (its comparisons with NaN are just
 * false), so we state one instead of inheriting accidents. Inputs must have the same length.
 */
export function scanPattern(spec: PatternSpec, open: Values, high: Values, low: Values, close: Values): Uint8Array {
  const n = checkSameLength(`patterns.${spec.name}`, open, high, low, close);
  const [o, h, l, c] = [asFloat64(open), asFloat64(high), asFloat64(low), asFloat64(close)];
  const out = new Uint8Array(n);
  const { count, detect, candidate } = spec;
  // One window object, refilled per bar: the detector then reads it in place (no copy when its
  // length equals the detector's required count) and nothing is allocated per bar on our side.
  const window = emptyWindow(count);
  let lastBad = -1;
  for (let t = 0; t < n; t++) {
    if (!(Number.isFinite(o[t]) && Number.isFinite(h[t]) && Number.isFinite(l[t]) && Number.isFinite(c[t]))) {
      lastBad = t;
    }
    const first = t - count + 1;
    if (first <= lastBad || first < 0) continue;
    if (candidate && !candidate(o, h, l, c, t)) continue;
    fillWindow(window, o, h, l, c, first);
    if (detect(window)) out[t] = 1;
  }
  return out;
}

function emptyWindow(count: number): CandleWindow {
  const zeros = () => new Array<number>(count).fill(0);
  return { open: zeros(), high: zeros(), low: zeros(), close: zeros() };
}

function fillWindow(
  w: CandleWindow,
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  first: number,
) {
  for (let k = 0; k < w.close.length; k++) {
    w.open[k] = o[first + k];
    w.high[k] = h[first + k];
    w.low[k] = l[first + k];
    w.close[k] = c[first + k];
  }
}
