// expect: ok
// NaN and infinite sizes and levels arrive as they were, for the engine's output checks to judge.
export function strategy() {
  return { entries: [true], size: NaN, stopLoss: Infinity, position: [NaN, Infinity, -Infinity, -0] };
}
