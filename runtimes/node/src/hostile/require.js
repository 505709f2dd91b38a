// expect: SANDBOX_VIOLATION
// There are no modules: require is a stub that reports the attempt.
export function strategy() {
  const fs = require('node:fs');
  return { entries: [], data: fs.readFileSync('/etc/passwd', 'utf8') };
}
