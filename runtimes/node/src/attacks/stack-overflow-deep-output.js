// expect: STRATEGY_ERROR
// An output nested a million levels deep, built without recursion: refused as too deep, no stack overflow in the host.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  let deep = {};
  for (let i = 0; i < 1_000_000; i++) deep = { deep };
  return { entries: [], deep };
}
