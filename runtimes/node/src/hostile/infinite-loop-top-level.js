// expect: TIMEOUT
// The loop runs while the module is evaluated, before any strategy is called.
let i = 0;
while (i >= 0) i = (i + 1) % 10;
export function strategy() {
  return {};
}
