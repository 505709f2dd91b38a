import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder } from './frame.js';

describe('frames', () => {
  it('round-trips a header and float64 buffers, whatever the chunking', () => {
    const a = Float64Array.from([1.5, Number.NaN, -0, 1e308]);
    const b = Uint8Array.from([0, 1, 1]);
    const bytes = Buffer.concat(encodeFrame({ type: 'job', id: 7 }, [a, b]));
    for (const size of [1, 3, 7, bytes.length]) {
      const decoder = new FrameDecoder();
      const frames = [];
      for (let i = 0; i < bytes.length; i += size) frames.push(...decoder.push(bytes.subarray(i, i + size)));
      expect(frames).toHaveLength(1);
      expect(frames[0].header).toMatchObject({ type: 'job', id: 7, buffers: [32, 3] });
      const back = new Float64Array(Uint8Array.from(frames[0].buffers[0]).buffer);
      expect(Array.from(back)).toEqual(Array.from(a));
      expect(Object.is(back[2], -0)).toBe(true);
      expect(Array.from(frames[0].buffers[1])).toEqual([0, 1, 1]);
    }
  });

  it('yields several frames from one chunk, in order', () => {
    const bytes = Buffer.concat([...encodeFrame({ n: 1 }), ...encodeFrame({ n: 2 }, [Uint8Array.of(9)])]);
    const frames = new FrameDecoder().push(bytes);
    expect(frames.map((f) => f.header.n)).toEqual([1, 2]);
  });

  it('refuses an absurd header length instead of waiting for it', () => {
    const bytes = Buffer.alloc(8);
    bytes.writeUInt32LE(0xffffffff);
    expect(() => new FrameDecoder().push(bytes)).toThrow(/too large/);
  });
});
