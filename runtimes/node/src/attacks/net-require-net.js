// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// A raw TCP connection to the canary listener through require('node:net').
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, p) {
  require('node:net').connect(p.canaryPort, '127.0.0.1');
  return { entries: [] };
}
