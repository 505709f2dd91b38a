import { describe, expect, it } from 'vitest';
import { copyOutput } from './isolate/copy-output.js';
import { treeToValue, treeToWire, WireError, wireToValue } from './wire-value.js';

/** What the host would rebuild from a tree: encode with parts, lay the parts out like a frame body. */
function roundTrip(tree: unknown): unknown {
  const parts: ArrayBufferView[] = [];
  const wire = JSON.parse(JSON.stringify(treeToWire(tree, parts)));
  const total = parts.reduce((sum, p) => sum + Math.ceil(p.byteLength / 8) * 8, 0);
  const body = new Uint8Array(total);
  let offset = 0;
  const layout = parts.map((p) => {
    body.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    const part = { offset, byteLength: p.byteLength };
    offset += Math.ceil(p.byteLength / 8) * 8;
    return part;
  });
  return wireToValue(wire, { body: body.buffer, parts: layout });
}

describe('wire values', () => {
  it('bring back what the strategy returned: typed arrays by kind, plain arrays as arrays, non-finite numbers', () => {
    const output = {
      entries: [true, false, true],
      position: [0.5, Number.NaN, -1],
      exits: Uint8Array.from([0, 1]),
      fast: Float64Array.from([1, Number.POSITIVE_INFINITY]),
      size: Number.NaN,
      stopLoss: Number.NEGATIVE_INFINITY,
      mixed: [1, true, null, 'x', undefined],
      indicators: { macd: { signal: Float32Array.from([1.5]) } },
      empty: [],
    };
    const back = roundTrip(copyOutput(output, 1 << 20)) as Record<string, unknown>;
    expect(back.entries).toEqual([true, false, true]);
    expect(back.position).toEqual([0.5, Number.NaN, -1]);
    expect(back.exits).toBeInstanceOf(Uint8Array);
    expect(back.exits).toEqual(Uint8Array.from([0, 1]));
    expect(back.fast).toEqual(Float64Array.from([1, Number.POSITIVE_INFINITY]));
    expect(back.size).toBeNaN();
    expect(back.stopLoss).toBe(Number.NEGATIVE_INFINITY);
    expect(back.mixed).toEqual([1, true, null, 'x', null]);
    expect(back.indicators).toEqual({ macd: { signal: Float32Array.from([1.5]) } });
    expect(back.empty).toEqual([]);
  });

  it('keep keys such as __proto__ as own data, never as prototypes', () => {
    const tree = { o: JSON.parse('{"__proto__": {"o": {"polluted": true}}}') };
    const back = roundTrip(tree) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('reject shapes the isolate copy never makes', () => {
    for (const bad of [
      { o: { x: Number.NaN } },
      { t: 'BigInt64Array', v: new BigInt64Array(1) },
      { t: 'Float64Array', v: [1, 2] },
      { na: [1, 2] },
      { zz: 1 },
      { o: { x: () => 1 } },
      [1, 2],
    ]) {
      expect(() => treeToWire(bad, [])).toThrow(WireError);
    }
  });

  it('reject part references that are out of range or misaligned', () => {
    const body = new ArrayBuffer(16);
    expect(() => wireToValue({ t: 'Float64Array', p: 3 }, { body, parts: [] })).toThrow(WireError);
    expect(() => wireToValue({ na: 0 }, { body, parts: [{ offset: 4, byteLength: 8 }] })).toThrow(WireError);
  });

  it('give params defaults back as plain values inside the child', () => {
    expect(treeToValue(copyOutput({ fast: 10, list: [1, 2], on: true, x: Number.NaN }, 1 << 20))).toEqual({
      fast: 10,
      list: [1, 2],
      on: true,
      x: Number.NaN,
    });
  });
});
