import { describe, expect, it } from 'vitest';
import { copyOutput } from './copy-output.js';

const MB = 2 ** 20;

describe('copyOutput', () => {
  it('reads each property once, so a getter cannot answer differently to a check and to the copy', () => {
    let reads = 0;
    const output = {
      get entries() {
        reads++;
        return reads === 1 ? [true] : 'changed';
      },
    };
    expect(copyOutput(output, MB)).toEqual({ o: { entries: { ba: Uint8Array.from([1]) } } });
    expect(reads).toBe(1);
  });

  it('never coerces values, so Symbol.toPrimitive and valueOf traps are not called', () => {
    let called = false;
    const trap = {
      [Symbol.toPrimitive]() {
        called = true;
        return 1;
      },
    };
    Object.defineProperty(trap, 'valueOf', {
      value: () => {
        called = true;
        return 1;
      },
    });
    expect(copyOutput({ size: trap }, MB)).toEqual({ o: { size: { o: {} } } });
    expect(called).toBe(false);
  });

  it('copies typed-array views to exact arrays, so no hidden buffer travels out', () => {
    const big = new Float64Array(1000).fill(7);
    const tree = copyOutput({ fast: big.subarray(10, 12), whole: big }, MB) as unknown as {
      o: { fast: { v: Float64Array }; whole: { v: Float64Array } };
    };
    expect(tree.o.fast.v.buffer.byteLength).toBe(16);
    expect(tree.o.whole.v).toBe(big);
  });

  it('ignores a lying length on a typed array subclass', () => {
    class Liar extends Float64Array {
      override get length() {
        return 1e12;
      }
    }
    const tree = copyOutput({ fast: new Liar(3) }, MB) as { o: { fast: { t: string; v: Float64Array } } };
    expect(tree.o.fast.t).toBe('Float64Array');
    expect(Object.getPrototypeOf(tree.o.fast.v)).toBe(Float64Array.prototype);
    expect(tree.o.fast.v).toHaveLength(3);
  });

  it('checks sizes before iterating, so a fake huge array fails at once', () => {
    const fake = new Proxy([], { get: (target, key) => (key === 'length' ? 1e12 : Reflect.get(target, key)) });
    const started = performance.now();
    expect(() => copyOutput({ entries: fake }, MB)).toThrow('larger than the 1 MB limit');
    expect(performance.now() - started).toBeLessThan(100);
    expect(() => copyOutput({ entries: new Float64Array(MB) }, MB)).toThrow('limit');
  });

  it('rejects a result that is not an object, BigInts, functions and runaway nesting', () => {
    expect(() => copyOutput([1, 2], MB)).toThrow('expected an object');
    expect(() => copyOutput(42, MB)).toThrow('got number');
    expect(() => copyOutput(undefined, MB)).toThrow('got undefined');
    expect(() => copyOutput({ n: 1n }, MB)).toThrow('bigint');
    expect(() => copyOutput({ e: new BigInt64Array(2) }, MB)).toThrow('BigInt64Array');
    expect(() => copyOutput({ f: () => 1 }, MB)).toThrow('function');
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 50; i++) cursor = cursor.next = {} as Record<string, unknown>;
    expect(() => copyOutput(deep, MB)).toThrow('nest deeper');
  });

  it('runs proxy traps of the result (inside the isolate, where the time limit applies)', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => ['entries'],
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
        get: () => [false],
      },
    );
    expect(copyOutput(proxy, MB)).toEqual({ o: { entries: { ba: Uint8Array.from([0]) } } });
  });

  it('writes into prototype-less objects, so setters on Object.prototype never see the copy', () => {
    const seen: unknown[] = [];
    Object.defineProperty(Object.prototype, 'entries', {
      set(value) {
        seen.push(value);
      },
      configurable: true,
    });
    try {
      const tree = copyOutput({ entries: [true] }, MB) as { o: Record<string, unknown> };
      expect(Object.getOwnPropertyDescriptor(tree.o, 'entries')).toBeDefined();
      expect(seen).toEqual([]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).entries;
    }
  });
});
