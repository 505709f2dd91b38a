// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// WebAssembly is not available inside the isolate (its memories would bypass the memory limit).
export async function strategy() {
  const module = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  return { entries: [], module: String(module) };
}
