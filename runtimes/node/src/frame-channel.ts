/**
 * Messages between the host and the child process over a socket: a JSON header plus binary parts
 * (price columns in, result arrays out). Typed arrays travel as raw bytes, copied once into one
 * buffer on the receiving side, instead of through JSON or Node's structured-clone IPC, which costs
 * several times more for a million bars.
 *
 * Frame: u32 header length, header JSON `{ h: header, p: [part byte lengths] }`, then the parts, each
 * starting at a multiple of 8 bytes of the body so the receiver can view them as Float64Array.
 */
import type { Socket } from 'node:net';

export interface Frame {
  header: unknown;
  /** All parts of the frame, back to back at 8-byte aligned offsets. */
  body: ArrayBuffer;
  parts: { offset: number; byteLength: number }[];
}

export interface FrameLimits {
  maxHeaderBytes: number;
  maxBodyBytes: number;
}

const PADDING = new Uint8Array(8);

function aligned(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Writes one frame; the parts are not copied in user space, so they must not change until flushed. */
export function writeFrame(socket: Socket, header: unknown, parts: readonly ArrayBufferView[] = []): void {
  const json = Buffer.from(JSON.stringify({ h: header, p: parts.map((part) => part.byteLength) }));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(json.length);
  socket.write(prefix);
  socket.write(json);
  for (const part of parts) {
    if (part.byteLength > 0) socket.write(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    const pad = aligned(part.byteLength) - part.byteLength;
    if (pad > 0) socket.write(PADDING.subarray(0, pad));
  }
}

/** A frame that breaks the format or the limits: the peer is not trusted any further. */
export class FrameError extends Error {}

/** Reassembles frames from socket chunks. */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private header: { h: unknown; p: number[] } | undefined;
  private body: Uint8Array | undefined;
  private bodyFilled = 0;

  constructor(
    private readonly limits: FrameLimits,
    private readonly onFrame: (frame: Frame) => void,
  ) {}

  /** Feeds a chunk; calls onFrame for every frame it completes; throws FrameError on a bad frame. */
  push(chunk: Buffer): void {
    let rest: Buffer | undefined = chunk;
    while (rest !== undefined && rest.length > 0) {
      rest = this.body === undefined ? this.readHeader(rest) : this.readBody(rest);
    }
  }

  private readHeader(chunk: Buffer): Buffer | undefined {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < 4) return undefined;
    // Only the 4 length bytes are joined until the whole header is there: no quadratic re-joining.
    const length = Buffer.concat(this.pending, 4).readUInt32LE(0);
    if (length > this.limits.maxHeaderBytes) throw new FrameError('frame header too large');
    if (this.pendingBytes < 4 + length) return undefined;
    const joined = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.startBody(parseHeader(joined.subarray(4, 4 + length)));
    return this.completeIfEmpty(joined.subarray(4 + length));
  }

  private startBody(header: { h: unknown; p: number[] }): void {
    const total = header.p.reduce((sum, n) => sum + aligned(n), 0);
    if (total > this.limits.maxBodyBytes) throw new FrameError('frame body too large');
    this.header = header;
    this.body = new Uint8Array(new ArrayBuffer(total));
    this.bodyFilled = 0;
  }

  private completeIfEmpty(rest: Buffer): Buffer | undefined {
    if (this.body !== undefined && this.body.length === 0) this.finish();
    return rest;
  }

  private readBody(chunk: Buffer): Buffer | undefined {
    const body = this.body!;
    const take = Math.min(chunk.length, body.length - this.bodyFilled);
    body.set(chunk.subarray(0, take), this.bodyFilled);
    this.bodyFilled += take;
    if (this.bodyFilled === body.length) this.finish();
    return chunk.subarray(take);
  }

  private finish(): void {
    const header = this.header!;
    const body = this.body!;
    this.header = undefined;
    this.body = undefined;
    let offset = 0;
    const parts = header.p.map((byteLength) => {
      const part = { offset, byteLength };
      offset += aligned(byteLength);
      return part;
    });
    this.onFrame({ header: header.h, body: body.buffer as ArrayBuffer, parts });
  }
}

function parseHeader(bytes: Buffer): { h: unknown; p: number[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new FrameError('frame header is not JSON');
  }
  const p = (parsed as { p?: unknown })?.p;
  if (!Array.isArray(p) || !p.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new FrameError('frame part lengths are invalid');
  }
  return { h: (parsed as { h: unknown }).h, p };
}
