// expect: TIMEOUT
// The loop starts after an await, in a microtask: still inside the job's limit.
export async function strategy() {
  await null;
  for (;;) {}
}
