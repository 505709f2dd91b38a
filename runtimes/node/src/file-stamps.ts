/**
 * Stamps of files — [size, mtimeMs] — to tell cheaply whether a bundle's inputs are still what it was made
 * from (one stat per input, no read): used by the runtime child's bundle and the CLI's bundle.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export type FileStamp = [size: number, mtimeMs: number];

/** The stamp of `path` now, or undefined when there is no such file. */
export function stampOf(path: string): FileStamp | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined ? undefined : [stat.size, stat.mtimeMs];
}

/** Whether there are stamps and every file (paths relative to `dir`) still has its stamp. */
export function stampsMatch(dir: string, stamps: Record<string, FileStamp>): boolean {
  const entries = Object.entries(stamps);
  return (
    entries.length > 0 &&
    entries.every(([path, [size, mtimeMs]]) => {
      const now = stampOf(resolve(dir, path));
      return now !== undefined && now[0] === size && now[1] === mtimeMs;
    })
  );
}
