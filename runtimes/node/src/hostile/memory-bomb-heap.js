// expect: MEMORY_LIMIT
// Fills the JavaScript heap with plain arrays until the isolate's memory limit disposes it.
export function strategy() {
  const hoard = [];
  for (;;) hoard.push(new Array(100_000).fill(1.5));
}
