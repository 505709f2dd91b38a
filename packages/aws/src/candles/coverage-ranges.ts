/** Sets of [start, end) time ranges kept disjoint and sorted: what a series' coverage says is known. */

export type Range = [number, number];

/** `ranges` with `added` joined in (touching or overlapping ranges become one). */
export function addRange(ranges: Range[], added: Range): Range[] {
  if (added[1] <= added[0]) return ranges;
  let [start, end] = added;
  const out: Range[] = [];
  for (const range of ranges) {
    if (range[1] < start || range[0] > end) out.push(range);
    else {
      start = Math.min(start, range[0]);
      end = Math.max(end, range[1]);
    }
  }
  out.push([start, end]);
  return out.sort((a, b) => a[0] - b[0]);
}
