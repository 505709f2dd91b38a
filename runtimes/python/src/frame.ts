/**
 * Frames between the host and the Python zygote (the same format as stratex_runtime/framing.py):
 * a u32 little-endian header length, a JSON header whose `buffers` lists byte lengths, then the raw
 * buffers. Arrays cross as float64/uint8 bytes, never as JSON numbers.
 */

export interface Frame {
  header: Record<string, unknown> & { buffers: number[] };
  buffers: Buffer[];
}

const MAX_HEADER_BYTES = 16 << 20;

/** The byte chunks of one frame (views of the buffers' memory, not copies). */
export function encodeFrame(header: Record<string, unknown>, buffers: ArrayBufferView[] = []): Buffer[] {
  const views = buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  const head = Buffer.from(JSON.stringify({ ...header, buffers: views.map((v) => v.length) }));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(head.length);
  return [prefix, head, ...views];
}

/** Cuts a byte stream into frames; feed it chunks as they arrive. */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private available = 0;
  private pending: { header: Frame['header']; size: number } | undefined;

  /** Adds a chunk and returns every frame it completed. Throws on a malformed stream. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.available += chunk.length;
    const frames: Frame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) frames.push(frame);
    return frames;
  }

  private next(): Frame | undefined {
    if (!this.pending) {
      if (this.available < 4) return undefined;
      const headSize = this.peek(4).readUInt32LE(0);
      if (headSize > MAX_HEADER_BYTES) throw new Error('frame header too large');
      if (this.available < 4 + headSize) return undefined;
      const head = this.take(4 + headSize).subarray(4);
      const header = JSON.parse(head.toString('utf8')) as Frame['header'];
      if (!Array.isArray(header.buffers)) throw new Error('frame header without buffers');
      this.pending = { header, size: header.buffers.reduce((a, b) => a + b, 0) };
    }
    if (this.available < this.pending.size) return undefined;
    const { header, size } = this.pending;
    this.pending = undefined;
    const body = this.take(size);
    const buffers: Buffer[] = [];
    let offset = 0;
    for (const length of header.buffers) {
      buffers.push(body.subarray(offset, offset + length));
      offset += length;
    }
    return { header, buffers };
  }

  private peek(n: number): Buffer {
    return this.chunks[0].length >= n ? this.chunks[0] : Buffer.concat(this.chunks);
  }

  /** The next n bytes, as one Buffer (copied only when they span chunks). */
  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first && first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      const all = Buffer.concat(this.chunks);
      out = all.subarray(0, n);
      this.chunks = all.length > n ? [all.subarray(n)] : [];
    }
    this.available -= n;
    return out;
  }
}
