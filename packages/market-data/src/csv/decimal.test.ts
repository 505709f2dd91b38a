import { describe, expect, it } from 'vitest';
import { readDecimal } from './decimal.js';

const read = (cell: string): number => readDecimal(`,${cell},`, 1, cell.length + 1);

describe('readDecimal', () => {
  it('reads exactly what Number() reads for plain decimals, long and short', () => {
    const cells = [
      '46150.0',
      '111.26565308',
      '0.1',
      '-3.75',
      '+2',
      '1.',
      '.5',
      '1E+1',
      '2.5e-3',
      '0.30000000000000004',
    ];
    for (const cell of cells) expect(read(cell), cell).toBe(Number(cell));
  });

  it('matches Number() bit for bit on many random decimals', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 20_000; i++) {
      const cell = `${next() % 100000}.${String(next() % 10 ** (1 + (i % 9))).padStart(1 + (i % 9), '0')}`;
      expect(read(cell)).toBe(Number(cell));
    }
  });

  it('gives NaN for anything that is not a plain finite decimal', () => {
    for (const cell of ['', '-', '.', 'abc', '0x1F', 'Infinity', 'NaN', '1,5', '1.2.3', '1e400', '12a']) {
      expect(read(cell), JSON.stringify(cell)).toBeNaN();
    }
  });
});
