/**
 * The shape in which values leave the isolate: plain data with a tag per kind, so that a plain array
 * of numbers, a Float64Array and a NaN all arrive as what they were. Typed arrays sit inline here; on
 * the pipe to the host they become binary parts (see ../wire-value.ts).
 */
export type TreeNode =
  | null
  | boolean
  | number
  | string
  | { n: 'NaN' | 'Infinity' | '-Infinity' }
  | { t: string; v: ArrayLike<number> }
  | { na: Float64Array }
  | { ba: Uint8Array }
  | { a: TreeNode[] }
  | { o: Record<string, TreeNode> };

/** How deep objects may nest in a result (`{ indicators: { macd: { signal: [...] } } }` is depth 3). */
export const MAX_DEPTH = 6;

/** How many keys one object of a result may have. */
export const MAX_KEYS = 1000;
