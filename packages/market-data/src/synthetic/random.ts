/** A small seeded random source (sfc32 seeded from a string hash): the same text gives the same stream. */

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** 32-bit FNV-1a hashes of the text with four salts: the sfc32 state. */
function seedState(text: string): [number, number, number, number] {
  const hash = (salt: number): number => {
    let h = (0x811c9dc5 ^ salt) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  return [hash(1), hash(2), hash(3), hash(4)];
}

/** A deterministic random stream for `seedText`. */
export function createRandom(seedText: string): Random {
  let [a, b, c, d] = seedState(seedText);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    uniform: next,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** A number in [0, 1) fixed by the text (e.g. a symbol's price level). */
export function hashUnit(text: string): number {
  return createRandom(text).uniform();
}
