// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// Overwriting the canary file through a dynamic import of node:fs.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  const fs = await import('node:fs');
  fs.writeFileSync(p.canaryPath, 'pwned');
  return { entries: [] };
}
