// expect: SANDBOX_VIOLATION
// Static imports are refused when the module is linked, before any code runs.
import { readFileSync } from 'node:fs';
export function strategy() {
  return { entries: [], data: readFileSync('/etc/passwd', 'utf8') };
}
