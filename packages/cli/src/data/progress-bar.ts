/** The backfill progress line: a bar, the share done, bars per second and the time left. */
import { duration } from './format.js';

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
}

const WIDTH = 24;

/** One line (no newline): `[#########...............]  37%  3700/10000 bars  1850 bars/s  ETA 3.4 s`. */
export function renderProgress({ done, total, elapsedMs }: Progress): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? ((total - done) / rate) * 1000 : Number.POSITIVE_INFINITY;
  const percent = String(Math.floor(share * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}%  ${done}/${total} bars  ${Math.round(rate)} bars/s  ETA ${duration(eta)}`;
}
