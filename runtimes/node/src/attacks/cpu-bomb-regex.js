// expect: TIMEOUT
// Catastrophic regex backtracking: CPU inside one native call, still stopped by the time limit.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  return { entries: [], m: /^(a+)+$/.test(`${'a'.repeat(40)}!`) };
}
