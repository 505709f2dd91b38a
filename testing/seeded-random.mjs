/**
 * mulberry32: a small, fast, seeded generator in [0, 1), so every benchmark run and every fuzz or property
 * test failure reproduces from its seed. Plain JavaScript, so the benchmarks (plain Node) and the tests
 * (TypeScript, typed by seeded-random.d.mts) share this one copy.
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
