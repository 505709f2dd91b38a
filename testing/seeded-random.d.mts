/** A seeded generator of numbers in [0, 1) (mulberry32; see seeded-random.mjs). */
export function seededRandom(seed: number): () => number;
