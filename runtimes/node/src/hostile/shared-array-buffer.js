// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// Looking for shared memory elsewhere: WebAssembly memories are not available either.
export function strategy() {
  const shared = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer;
  return { entries: [], shared: shared.byteLength };
}
