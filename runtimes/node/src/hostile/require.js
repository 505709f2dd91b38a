// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// There are no modules: require is a stub that reports the attempt.
export function strategy() {
  const fs = require('node:fs');
  return { entries: [], data: fs.readFileSync('/etc/passwd', 'utf8') };
}
