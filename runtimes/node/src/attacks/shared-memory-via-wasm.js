// expect: STRATEGY_ERROR
// filter: CODE_REJECTED
// Shared memory through a shared WebAssembly.Memory, for Atomics.wait: WebAssembly is gone.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  return { entries: [], shared: memory.buffer instanceof ArrayBuffer };
}
