// expect: TIMEOUT or STRATEGY_ERROR
// A stack-trace hook that never returns, then a throw: whoever formats the error runs the hook, inside
// the isolate and its time limit.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  Error.prepareStackTrace = () => {
    for (;;) {}
  };
  throw new Error('format me');
}
