// expect: STRATEGY_ERROR
// A thrown proxy: only strings survive the description.
export function strategy() {
  throw new Proxy({}, { get: () => 'spoof' });
}
