// expect: TIMEOUT
// A promise that never settles: the job's wall-clock deadline ends it.
export function strategy() {
  return new Promise(() => {});
}
