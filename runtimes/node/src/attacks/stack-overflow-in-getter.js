// expect: STRATEGY_ERROR
// A getter in the result that recurses without end: a RangeError inside the isolate.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const result = { entries: [] };
  Object.defineProperty(result, 'exits', {
    enumerable: true,
    get: function again() {
      return again() + 1;
    },
  });
  return result;
}
