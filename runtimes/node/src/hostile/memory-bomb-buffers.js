// expect: MEMORY_LIMIT
// Array buffers live outside the JS heap but count against the same limit.
export function strategy() {
  const hoard = [];
  for (;;) hoard.push(new Float64Array(1_000_000).fill(1));
}
