/** Seeded test data shared by the benchmarks, so every run of every bench sees the same bars. */

/**
 * Seeded random walk: open = previous close, ±1 % moves, wicks up to 0.5 %, hourly timestamps; with
 * `volume`, a volume column too. Its draw shifts the random sequence, so the price paths with and without
 * it differ: each bench keeps the one its published numbers were measured on.
 */
export function randomWalk(n, seed, { volume = false } = {}) {
  const random = mulberry32(seed);
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

/** mulberry32: a small, fast, seeded PRNG in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
