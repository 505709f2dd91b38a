// expect: STRATEGY_ERROR
// More output than the limit (the hostile suite runs with an 8 MB output limit).
export function strategy() {
  return { a: new Float64Array(600_000), b: new Float64Array(600_000) };
}
