/**
 * The bar spacing backtesting.py reads from an index (`_util._data_period`): the median of the
 * spacings between the last 100 bar times, in ms. NaN when there are fewer than two bars.
 * It decides the resampling calendar (daily, weekly, monthly, yearly) and the unit that average
 * durations are rounded up to.
 */
export function dataPeriodMs(time: ArrayLike<number>): number {
  const first = Math.max(0, time.length - 100);
  const spacings = new Float64Array(Math.max(0, time.length - first - 1));
  for (let i = 0; i < spacings.length; i++) spacings[i] = time[first + i + 1] - time[first + i];
  if (spacings.length === 0) return Number.NaN;
  spacings.sort();
  const mid = spacings.length >> 1;
  return spacings.length % 2 === 1 ? spacings[mid] : (spacings[mid - 1] + spacings[mid]) / 2;
}

const NS_PER_MS = 1e6;
/** Units of pandas' `Timedelta.resolution_string` (D, h, min, s, ms, us, ns), in ns. */
const RESOLUTION_UNITS_NS = [86_400e9, 3_600e9, 60e9, 1e9, 1e6, 1e3, 1];

/**
 * Rounds a duration up to the resolution of the bar spacing, as backtesting.py's
 * `_round_timedelta` does with `Timedelta.ceil(period.resolution_string)`: with hourly bars an
 * average of 2 h 20 min is reported as 3 h. The resolution is the coarsest unit (day, hour,
 * minute, second, ms, µs, ns) that divides the spacing; a spacing of 0 resolves to days, as in
 * pandas. Without a spacing (NaN) the duration is returned unchanged.
 */
export function ceilToPeriodResolution(durationMs: number, periodMs: number): number {
  if (!Number.isFinite(periodMs) || !Number.isFinite(durationMs)) return durationMs;
  const periodNs = Math.round(Math.abs(periodMs) * NS_PER_MS);
  const unitNs = RESOLUTION_UNITS_NS.find((unit) => periodNs % unit === 0) ?? 1;
  const unitMs = unitNs / NS_PER_MS;
  return Math.ceil(durationMs / unitMs) * unitMs;
}
