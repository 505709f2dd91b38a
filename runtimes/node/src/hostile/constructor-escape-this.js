// expect: ok
// `this.constructor.constructor` from a sloppy function, with the keys built at run time so the
// static filter cannot see them: the global it reaches is the isolate's, with nothing of the host on it.
const key = ['constr', 'uctor'].join('');
const sloppyGlobal = (() => {})[key]('return this')();
export function strategy() {
  const viaThis = function () {
    return this;
  }[key][key]('return this')();
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
