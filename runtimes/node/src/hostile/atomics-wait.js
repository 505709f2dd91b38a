// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// Blocking a thread on shared memory: there is no SharedArrayBuffer, and Atomics is gone.
export function strategy() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  return {};
}
