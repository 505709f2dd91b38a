// expect: MEMORY_LIMIT or TIMEOUT
// Millions of small objects: near the limit the garbage collector scans them over and over, so which
// limit is reached first depends on the machine; either way the job ends within its limits.
export function strategy() {
  const hoard = [];
  for (;;) hoard.push({ a: Math.random(), b: [1, 2, 3] });
}
