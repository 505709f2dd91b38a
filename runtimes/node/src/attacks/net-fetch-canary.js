// expect: STRATEGY_ERROR
// An HTTP request to the canary listener: there is no fetch.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  await fetch(`http://127.0.0.1:${p.canaryPort}/steal`);
  return { entries: [] };
}
