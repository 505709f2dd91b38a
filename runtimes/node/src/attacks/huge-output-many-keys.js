// expect: STRATEGY_ERROR
// An object with thousands of keys (more than an output object may have) in the result.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const wide = {};
  for (let i = 0; i < 5000; i++) wide[`k${i}`] = i;
  return { entries: [], wide };
}
