// expect: ok
// A FinalizationRegistry callback that would loop forever once garbage is collected after the job:
// the isolate is disposed with the job, so the callback never runs (the next job is checked).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
const registry = new FinalizationRegistry(() => {
  for (;;) {}
});
export function strategy() {
  for (let i = 0; i < 10_000; i++) registry.register({ i }, i);
  const ref = new WeakRef({ big: new Float64Array(1000) });
  return { entries: [], alive: ref.deref() !== undefined };
}
