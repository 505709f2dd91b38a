/** What the SDK inside the isolate offers the child process (types only, shared by both sides). */
import type { ThrownDescription } from './describe-error.js';
import type { TreeNode } from './output-tree.js';

/** Name of the export the runtime appends to the user's module to collect its definitions. */
export const ENTRY_EXPORT = '__stratex_entry__';

/** Order of the price columns in the data buffer handed to `setData`. */
export const DATA_COLUMNS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;

export type EntryStyle = 'vectorized' | 'event';

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: ThrownDescription; usage?: boolean };

export interface IsolateApi {
  /** Installs `data` from a buffer of DATA_COLUMNS, each `bars` float64 values, back to back. */
  setData(buffer: ArrayBuffer, bars: number): void;
  /** Finds strategy / onBar / on_bar and the params defaults in the evaluated module's namespace. */
  loadEntry(namespace: object): Outcome<{ style: EntryStyle; defaults: TreeNode }>;
  /** Runs the strategy with the resolved params and copies its output out. */
  run(params: unknown): Promise<Outcome<{ output: TreeNode }>>;
}
