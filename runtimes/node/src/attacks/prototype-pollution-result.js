// expect: ok
// A result whose keys are __proto__ and constructor.prototype: they stay data in the host, and the
// host's Object.prototype stays clean (the test checks it).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const result = JSON.parse(
    '{"entries":[true],"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  );
  result.nested = JSON.parse('{"__proto__":{"polluted":"yes"}}');
  return result;
}
