// expect: TIMEOUT or ok
// A microtask chain that reschedules itself forever, started just before returning: it runs in the
// isolate, which is disposed at the end of the job, so it cannot outlive it (the next job is checked).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const again = () => Promise.resolve().then(again);
  again();
  return { entries: [] };
}
