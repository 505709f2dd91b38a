/**
 * Five-candle reversal patterns: each looks at bars t-4 .. t and completes at bar t. A "downtrend"
 * ("uptrend") is technicalindicators' test on the closes named below: average loss > average gain
 * (gain > loss) over their 1-bar moves. Quirk kept as is: it compares the two averages as
 * one-element arrays, which JavaScript compares as strings, so an average loss of 10 is not "more"
 * than an average gain of 9 ("10" < "9"). The trend test builds two indicator objects per call and
 * dominates the cost, so each pattern first checks a cheap conjunct of the same detector (Candidate).
 */
import {
  bearishhammerstick,
  bearishinvertedhammerstick,
  bullishhammerstick,
  bullishinvertedhammerstick,
  hammerpattern,
  hammerpatternunconfirmed,
  hangingman,
  hangingmanunconfirmed,
  shootingstar,
  shootingstarunconfirmed,
  tweezerbottom,
  tweezertop,
} from 'technicalindicators';
import { type Candidate, type CandleWindow, type Detector, definePattern } from './scan.js';

const single: CandleWindow = { open: [0], high: [0], low: [0], close: [0] };

/** True when one of technicalindicators' one-candle `sticks` finds its shape at bar t. */
function anyStick(sticks: Detector[], o: Float64Array, h: Float64Array, l: Float64Array, c: Float64Array, t: number) {
  single.open[0] = o[t];
  single.high[0] = h[t];
  single.low[0] = l[t];
  single.close[0] = c[t];
  return sticks.some((stick) => stick(single));
}

const hammerSticks = [bearishhammerstick, bullishhammerstick, bearishinvertedhammerstick, bullishinvertedhammerstick];
const hangingSticks = [bearishhammerstick, bullishhammerstick];
const invertedSticks = [bearishinvertedhammerstick, bullishinvertedhammerstick];

/** Bar t bullish and closing above bar t-1, then a stick at t-1: `hasConfirmation` and `includesHammer`. */
const bullishConfirmationOf =
  (sticks: Detector[]): Candidate =>
  (o, h, l, c, t) =>
    o[t] < c[t] && c[t - 1] < c[t] && anyStick(sticks, o, h, l, c, t - 1);

/** Bar t bearish and closing below bar t-1, then a stick at t-1. */
const bearishConfirmationOf =
  (sticks: Detector[]): Candidate =>
  (o, h, l, c, t) =>
    o[t] > c[t] && c[t - 1] > c[t] && anyStick(sticks, o, h, l, c, t - 1);

/** A stick at bar t: the unconfirmed patterns' `includesHammer`. */
const stickAtLastOf =
  (sticks: Detector[]): Candidate =>
  (o, h, l, c, t) =>
    anyStick(sticks, o, h, l, c, t);

/**
 * Hammer, confirmed (`hammerpattern`): downtrend over closes t-4 .. t-2; bar t-1 is a hammer stick
 * of any of technicalindicators' four kinds (bullish or bearish hammer, and also the inverted
 * ones); bar t is bullish and closes above close[t-1]. Hammer stick: the body's top ≈ high (0.1 %)
 * and the lower shadow at least half the body (the inverted stick: mirrored).
 */
export const hammer = definePattern({
  name: 'hammer',
  count: 5,
  detect: hammerpattern,
  candidate: bullishConfirmationOf(hammerSticks),
});

/** Hammer, unconfirmed (`hammerpatternunconfirmed`): downtrend over closes t-4 .. t-1; bar t a hammer stick (four kinds). */
export const hammerUnconfirmed = definePattern({
  name: 'hammerUnconfirmed',
  count: 5,
  detect: hammerpatternunconfirmed,
  candidate: stickAtLastOf(hammerSticks),
});

/**
 * Shooting star, confirmed (`shootingstar`): uptrend over closes t-4 .. t-2; bar t-1 an inverted
 * hammer stick (bullish or bearish: body's bottom ≈ low, upper shadow at least half the body);
 * bar t bearish and closing below close[t-1].
 */
export const shootingStar = definePattern({
  name: 'shootingStar',
  count: 5,
  detect: shootingstar,
  candidate: bearishConfirmationOf(invertedSticks),
});

/** Shooting star, unconfirmed (`shootingstarunconfirmed`): uptrend over closes t-4 .. t-1; bar t an inverted hammer stick. */
export const shootingStarUnconfirmed = definePattern({
  name: 'shootingStarUnconfirmed',
  count: 5,
  detect: shootingstarunconfirmed,
  candidate: stickAtLastOf(invertedSticks),
});

/**
 * Hanging man, confirmed (`hangingman`): uptrend over closes t-4 .. t-2; bar t-1 a (not inverted)
 * hammer stick; bar t bearish and closing below close[t-1].
 */
export const hangingMan = definePattern({
  name: 'hangingMan',
  count: 5,
  detect: hangingman,
  candidate: bearishConfirmationOf(hangingSticks),
});

/** Hanging man, unconfirmed (`hangingmanunconfirmed`): uptrend over closes t-4 .. t-1; bar t a (not inverted) hammer stick. */
export const hangingManUnconfirmed = definePattern({
  name: 'hangingManUnconfirmed',
  count: 5,
  detect: hangingmanunconfirmed,
  candidate: stickAtLastOf(hangingSticks),
});

/** Tweezer top (`tweezertop`): uptrend over closes t-4 .. t-2 and high[t-1] === high[t] exactly. */
export const tweezerTop = definePattern({
  name: 'tweezerTop',
  count: 5,
  detect: tweezertop,
  candidate: (_o, h, _l, _c, t) => h[t - 1] === h[t],
});

/** Tweezer bottom (`tweezerbottom`): downtrend over closes t-4 .. t-2 and low[t-1] === low[t] exactly. */
export const tweezerBottom = definePattern({
  name: 'tweezerBottom',
  count: 5,
  detect: tweezerbottom,
  candidate: (_o, _h, l, _c, t) => l[t - 1] === l[t],
});
