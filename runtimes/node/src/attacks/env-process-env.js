// expect: STRATEGY_ERROR
// filter: CODE_REJECTED
// The host's secrets from process.env: there is no process in the isolate.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, p) {
  return { entries: [], stolen: process.env[p.canaryEnv] };
}
