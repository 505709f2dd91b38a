// expect: ok
// `this.constructor.constructor` from a sloppy function: the global it reaches is the isolate's,
// with nothing of the host on it.
const sloppyGlobal = Function('return this')();
export function strategy() {
  const viaThis = function () {
    return this;
  }.constructor.constructor('return this')();
  const names = [...Object.getOwnPropertyNames(sloppyGlobal), ...Object.getOwnPropertyNames(viaThis)];
  const host = [
    'process',
    'module',
    'Buffer',
    'global',
    '__dirname',
    'fetch',
    'setTimeout',
    'setInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'SharedArrayBuffer',
    'Atomics',
    'WebAssembly',
    'ivm',
    '_ivm',
  ];
  return { entries: [], leaked: names.filter((name) => host.includes(name)) };
}
