// expect: TIMEOUT
// A getter in the result that never returns: it runs inside the isolate, under the time limit.
export function strategy() {
  return {
    get entries() {
      for (;;) {}
    },
  };
}
