// expect: ok
// filter: CODE_REJECTED
// The constructor escape tried on everything the SDK gives the strategy (indicators, console, the
// data arrays, their prototypes): each Function constructor reached is the isolate's own.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(data) {
  const probe = "return [typeof process, typeof module, typeof Buffer, typeof global].join(',')";
  const seen = new Set();
  const leaked = [];
  const visit = (value, depth) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value) || depth > 3)
      return;
    seen.add(value);
    try {
      const found = value.constructor.constructor(probe)();
      if (found !== 'undefined,undefined,undefined,undefined') leaked.push(found);
    } catch {}
    for (const key of Reflect.ownKeys(value)) {
      try {
        visit(value[key], depth + 1);
      } catch {}
    }
    visit(Object.getPrototypeOf(value), depth + 1);
  };
  visit(indicators, 0);
  visit(console, 0);
  visit(data, 0);
  visit(data.close, 0);
  return { entries: [], leaked };
}
