// expect: STRATEGY_ERROR
// A getter in the result that throws: reported like any error of the strategy.
export function strategy() {
  return {
    get entries() {
      throw new Error('no entries today');
    },
  };
}
