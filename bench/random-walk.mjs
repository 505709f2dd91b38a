/** Seeded test data shared by the benchmarks, so every run of every bench sees the same bars. */
import { seededRandom } from '../testing/seeded-random.mjs';

/**
 * Seeded random walk: open = previous close, ±1 % moves, wicks up to 0.5 %, hourly timestamps; with
 * `volume`, a volume column too. Its draw shifts the random sequence, so the price paths with and without
 * it differ: each bench keeps the one its published numbers were measured on.
 */
export function randomWalk(n, seed, { volume = false } = {}) {
  const random = seededRandom(seed);
  const names = ['time', 'open', 'high', 'low', 'close', ...(volume ? ['volume'] : [])];
  const cols = Object.fromEntries(names.map((k) => [k, new Float64Array(n)]));
  let price = 100;
  for (let i = 0; i < n; i++) {
    const open = price;
    price *= 1 + (random() - 0.5) * 0.02;
    cols.time[i] = Date.UTC(2022, 0, 1) + i * 3_600_000;
    cols.open[i] = open;
    cols.close[i] = price;
    cols.high[i] = Math.max(open, price) * (1 + random() * 0.005);
    cols.low[i] = Math.min(open, price) * (1 - random() * 0.005);
    if (volume) cols.volume[i] = 1 + random() * 100;
  }
  return cols;
}
