// expect: MEMORY_LIMIT
// One allocation far beyond the limit fails at once.
export function strategy() {
  return { big: new Float64Array(2_000_000_000) };
}
