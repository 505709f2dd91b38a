// expect: TIMEOUT
// A thrown object whose message getter never returns (read while describing the error).
export function strategy() {
  throw {
    get message() {
      for (;;) {}
    },
  };
}
