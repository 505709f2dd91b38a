// expect: ok
// Values that would run code when converted: the runtime never converts them (it copies data);
// the size arrives as an empty object, for the engine's output checks to reject.
export function strategy() {
  const trap = {
    [Symbol.toPrimitive]() {
      for (;;) {}
    },
  };
  Object.defineProperty(trap, 'valueOf', {
    value: () => {
      for (;;) {}
    },
  });
  return { entries: [true], size: trap };
}
