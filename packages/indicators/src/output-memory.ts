/**
 * Where indicator outputs get their memory. A zero-filled 8-24 MB output costs a whole extra pass over
 * it (bollinger: ~4 of ~10 ns/bar), and every kernel writes every entry of its outputs anyway (NaN
 * during warm-ups and gaps, values elsewhere; pinned by output-memory.test.ts with poisoned memory).
 * So under Node the memory comes from Buffer.allocUnsafeSlow, which skips the zero fill; elsewhere (a
 * runtime isolate has no Buffer) from a plain ArrayBuffer. The allocator is looked up once, when the
 * module loads, before any strategy code runs in the same realm.
 */

interface UnzeroedAllocator {
  allocUnsafeSlow(size: number): { buffer: ArrayBuffer; byteOffset: number; byteLength: number };
}

/** The allocator in use; tests swap `allocate` for one that fills the memory with a sentinel. */
export const outputMemory: { allocate: (bytes: number) => ArrayBuffer } = { allocate: pickAllocator() };

function pickAllocator(): (bytes: number) => ArrayBuffer {
  const nodeBuffer = (globalThis as { Buffer?: UnzeroedAllocator }).Buffer;
  if (typeof nodeBuffer?.allocUnsafeSlow !== 'function') return (bytes) => new ArrayBuffer(bytes);
  return (bytes) => {
    const memory = nodeBuffer.allocUnsafeSlow(bytes);
    // allocUnsafeSlow gives a Buffer over its own ArrayBuffer; anything else would share memory.
    if (memory.byteOffset !== 0 || memory.buffer.byteLength !== bytes) return new ArrayBuffer(bytes);
    return memory.buffer;
  };
}
