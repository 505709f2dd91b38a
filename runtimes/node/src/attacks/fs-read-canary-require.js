// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// Reading the host's canary file through Node's fs: there is no require in the isolate.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, p) {
  return { entries: [], stolen: require('node:fs').readFileSync(p.canaryPath, 'utf8') };
}
