/**
 * ln(a / b), the log return from b to a, fast where it is called most: bar-to-bar ratios near 1.
 * ln(a/b) = 2·atanh(u) with u = (a − b)/(a + b); for |u| ≤ 0.01 (a/b within about ±2 %) the
 * series 2(u + u³/3 + u⁵/5 + u⁷/7) is exact to double precision (the first term left out, u⁹/9, is
 * below 1.2·10⁻¹⁷ of the result), and a − b is exact there (Sterbenz), so it is as accurate as
 * `Math.log` — and about twice as fast, which matters over a million bars. Other ratios (including
 * 0, negative, infinite and NaN ones, where the test below is false) go to `Math.log(a / b)`.
 */
export function logRatio(a: number, b: number): number {
  const u = (a - b) / (a + b);
  if (!(u <= 0.01 && u >= -0.01)) return logOfRatio(a, b);
  const u2 = u * u;
  return u * (2 + u2 * (2 / 3 + u2 * (2 / 5 + u2 * (2 / 7))));
}

// Kept out of line: with the C call of Math.log inlined into the hot loop, V8 keeps fewer values
// in registers on the common path.
function logOfRatio(a: number, b: number): number {
  return Math.log(a / b);
}
