// expect: STRATEGY_ERROR
// Unbounded recursion overflows the isolate's stack: a RangeError at the user's line.
function down(n) {
  return down(n + 1) + 1;
}
export function strategy() {
  return { entries: [], depth: down(0) };
}
