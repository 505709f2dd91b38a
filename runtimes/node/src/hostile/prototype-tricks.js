// expect: ok
// Setters on Object.prototype and Array.prototype, replaced built-ins: the SDK copies the output with
// the originals, so the result is intact, and nothing of this reaches the host's prototypes.
Object.defineProperty(Object.prototype, 'entries', {
  set() {
    throw new Error('caught you');
  },
  configurable: true,
});
Object.defineProperty(Array.prototype, '0', {
  set() {
    throw new Error('caught you');
  },
  configurable: true,
});
Object.keys = () => ['evil'];
Array.isArray = () => false;
globalThis.Float64Array = () => {
  throw new Error('no');
};
export function strategy() {
  const out = Object.create(null);
  out.entries = [true, false];
  out.fast = new Uint8Array([1, 2]);
  out.polluted = 'no';
  return out;
}
