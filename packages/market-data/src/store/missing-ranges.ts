/** The parts of a time window that a series' coverage does not know yet: what fetch-through must fetch. */

/** The parts of [from, to) that none of `ranges` (disjoint, sorted [start, end)) covers. */
export function missingRanges(
  ranges: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    if (start >= to) break;
    if (start > at) out.push([at, start]);
    at = Math.max(at, end);
    if (at >= to) break;
  }
  if (at < to) out.push([at, to]);
  return out;
}
