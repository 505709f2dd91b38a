// expect: MEMORY_LIMIT
// Doubling a string reaches the heap limit (before V8's maximum string length).
export function strategy() {
  let s = 'x'.repeat(1 << 20);
  const keep = [];
  for (;;) {
    s = `${s}${s.slice(1)}!`;
    keep.push(s);
  }
}
