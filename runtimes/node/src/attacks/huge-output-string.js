// expect: STRATEGY_ERROR
// A 20 MB string in the result (the suite's output limit is 8 MB).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  return { entries: [], label: 'x'.repeat(20 * 2 ** 20) };
}
