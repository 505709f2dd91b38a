// expect: TIMEOUT
// A proxy whose ownKeys trap never returns.
export function strategy() {
  return new Proxy(
    {},
    {
      ownKeys() {
        for (;;) {}
      },
    },
  );
}
