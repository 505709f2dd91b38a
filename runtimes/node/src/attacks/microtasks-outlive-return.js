// expect: TIMEOUT or MEMORY_LIMIT or ok
// A microtask chain that reschedules itself forever, started just before returning: it runs in the
// isolate, which is disposed at the end of the job, so it cannot outlive it (the next job is checked).
// Each promise is resolved with the next one, so the chain also holds memory: depending on the
// machine's speed the 64 MB limit can come before the time limit.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const again = () => Promise.resolve().then(again);
  again();
  return { entries: [] };
}
