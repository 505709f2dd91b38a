/**
 * Choosing between two numbers without a branch, for kernels whose comparisons go either way at random
 * on price data (up or down moves, which bar of a window holds the extreme). A mispredicted branch costs
 * ~10 ns on the benchmark machine; here both candidates go into a two-slot scratch array and the
 * comparison's result (0 or 1) indexes it, which V8 compiles without a jump. The number chosen is one of
 * the two given, untouched, so results are the same as with `condition ? ifTrue : ifFalse`.
 */
export function choose(pick: Float64Array, condition: boolean, ifFalse: number, ifTrue: number): number {
  pick[0] = ifFalse;
  pick[1] = ifTrue;
  return pick[Number(condition)];
}
