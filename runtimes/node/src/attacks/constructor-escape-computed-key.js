// expect: ok
// The constructor escape with the key built at run time, which the static filter cannot see: the
// Function constructor reached from the SDK's objects is the isolate's own, without the host's globals.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, params) {
  const key = ['constr', 'uctor'].join('');
  const probe = "return [typeof process, typeof global, typeof module, typeof Buffer].join(',')";
  const found = [indicators.sma, console.log, data.close, params.canaryPath].map((value) => value[key][key](probe)());
  return { entries: [], leaked: found.filter((kinds) => kinds !== 'undefined,undefined,undefined,undefined') };
}
