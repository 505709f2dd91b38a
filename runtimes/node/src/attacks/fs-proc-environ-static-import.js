// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// The environment through /proc/self/environ, with a static import refused at link time.
import { readFileSync } from 'node:fs';
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  return { entries: [], stolen: readFileSync('/proc/self/environ', 'latin1') };
}
