// expect: STRATEGY_ERROR
// Joining a 4-billion-slot array would make a string past V8's maximum length: a RangeError.
export function strategy() {
  const slots = [];
  slots.length = 2 ** 32 - 1;
  return { entries: [], text: slots.join('xx').length };
}
