// expect: STRATEGY_ERROR
// The classic vm escape with the key hidden from the static filter (built at run time): it reaches
// the isolate's own Function, whose global has no process, so reading `pid` throws.
export function strategy() {
  const key = ['constr', 'uctor'].join('');
  const hostProcess = {}[key][key]('return process')();
  return { entries: [], pid: hostProcess.pid };
}
