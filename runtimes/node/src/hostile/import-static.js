// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// Static imports are refused when the module is linked, before any code runs.
import { readFileSync } from 'node:fs';
export function strategy() {
  return { entries: [], data: readFileSync('/etc/passwd', 'utf8') };
}
