// expect: STRATEGY_ERROR
// BigInts have no place in a result.
export function strategy() {
  return { entries: new BigInt64Array(3) };
}
