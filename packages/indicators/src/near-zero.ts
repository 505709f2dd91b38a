/**
 * TA-Lib's "is zero" test for denominators. The golden vectors come from the TA-Lib 0.6 source bundled
 * in node-talib, where TA_IS_ZERO(v) is |v| < TA_EPSILON = 1e-14; using the same band keeps our
 * zero-denominator cases (flat markets) identical to TA-Lib's.
 */
const TA_EPSILON = 1e-14;

/** True when `v` is within TA-Lib's epsilon of zero (TA_IS_ZERO). */
export function isNearZero(v: number): boolean {
  return v > -TA_EPSILON && v < TA_EPSILON;
}
