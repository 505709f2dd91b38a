// expect: STRATEGY_ERROR
// A file URL with path traversal through fetch: there is no fetch (a ReferenceError at the line).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  const response = await fetch(`file://../../../../..${p.canaryPath}`);
  return { entries: [], stolen: await response.text() };
}
