// expect: STRATEGY_ERROR
// An array that claims a trillion items: the size check comes before any iteration.
export function strategy() {
  const fake = new Proxy([], { get: (target, key) => (key === 'length' ? 1e12 : Reflect.get(target, key)) });
  return { entries: fake };
}
