// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// An HTTP request to the canary listener through import('node:http').
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  const http = await import('node:http');
  http.get(`http://127.0.0.1:${p.canaryPort}/`);
  return { entries: [] };
}
