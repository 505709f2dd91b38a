import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Frame, FrameError, FrameReader, writeFrame } from './frame-channel.js';

/** Collects what writeFrame writes, as one buffer. */
function written(header: unknown, parts: ArrayBufferView[]): Buffer {
  const chunks: Buffer[] = [];
  const sink = new Duplex({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
    read() {},
  });
  writeFrame(sink as unknown as Socket, header, parts);
  return Buffer.concat(chunks);
}

const limits = { maxHeaderBytes: 1 << 20, maxBodyBytes: 1 << 24 };

describe('frames', () => {
  it('carry a header and typed-array parts through any chunking, parts 8-byte aligned', () => {
    const a = Float64Array.from([1.5, Number.NaN, -0, 1e308]);
    const b = Uint8Array.from([1, 0, 1]);
    const c = new Float64Array(0);
    const bytes = Buffer.concat([written({ type: 'x', n: 1 }, [b, a, c]), written({ type: 'y' }, [])]);
    for (const size of [1, 3, 7, 64, bytes.length]) {
      const frames: Frame[] = [];
      const reader = new FrameReader(limits, (frame) => frames.push(frame));
      for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
      expect(frames.map((f) => f.header)).toEqual([{ type: 'x', n: 1 }, { type: 'y' }]);
      const [pb, pa, pc] = frames[0].parts;
      expect(pa.offset % 8).toBe(0);
      expect(new Uint8Array(frames[0].body, pb.offset, pb.byteLength)).toEqual(b);
      expect(new Float64Array(frames[0].body, pa.offset, pa.byteLength / 8)).toEqual(a);
      expect(pc.byteLength).toBe(0);
    }
  });

  it('refuse headers and bodies over the limits before allocating them', () => {
    const reader = new FrameReader({ maxHeaderBytes: 16, maxBodyBytes: 1 << 20 }, () => undefined);
    expect(() => reader.push(written({ long: 'x'.repeat(100) }, []))).toThrow(FrameError);
    const forged = Buffer.from(JSON.stringify({ h: {}, p: [2 ** 40] }));
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32LE(forged.length);
    const small = new FrameReader(limits, () => undefined);
    expect(() => small.push(Buffer.concat([prefix, forged]))).toThrow('too large');
  });

  it('refuse malformed headers', () => {
    const bad = Buffer.from('{"h":1,"p":[-1]}');
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32LE(bad.length);
    expect(() => new FrameReader(limits, () => undefined).push(Buffer.concat([prefix, bad]))).toThrow(FrameError);
  });
});
