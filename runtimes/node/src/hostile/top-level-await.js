// expect: STRATEGY_ERROR
// Top-level await is not supported (there is nothing to wait for in a sandbox without I/O).
await new Promise(() => {});
export function strategy() {
  return {};
}
