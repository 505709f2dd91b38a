// expect: STRATEGY_ERROR
// No timers: nothing can be scheduled to outlive the job.
export function strategy() {
  setTimeout(() => {}, 1000);
  return {};
}
