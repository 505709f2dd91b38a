/** Timeframes (`1m`, `15m`, `1h`, `4h`, `1d`, `1w`, …) as bar lengths in ms: the one place they are parsed. */
import { StratexError } from '@stratex/core';

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Weekly bars open on Mondays (as exchanges publish them); the epoch was a Thursday. */
const WEEK_ORIGIN_MS = 4 * 86_400_000;

/** Bar length in ms of a timeframe such as `1h`; `INVALID_REQUEST` for anything else (months included). */
export function parseTimeframe(timeframe: string): number {
  const match = /^([1-9]\d{0,3})([smhdw])$/.exec(timeframe);
  if (match === null) {
    const hint = /^\d+M$/.test(timeframe) ? ' (monthly bars have no fixed length and are not supported)' : '';
    throw new StratexError(
      'INVALID_REQUEST',
      `timeframe "${timeframe}" is not valid${hint}: use a number and a unit s, m, h, d or w, such as 1m, 15m, 1h, 4h, 1d, 1w`,
      { field: 'timeframe' },
    );
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Shortest spelling of a bar length (`3600000` → `1h`), for messages. */
export function formatTimeframe(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    const size = UNIT_MS[unit];
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Open time of the first bar of the timeframe's grid at or after `time`. */
export function alignUp(time: number, timeframeMs: number): number {
  const origin = timeframeMs % 604_800_000 === 0 ? WEEK_ORIGIN_MS : 0;
  return Math.ceil((time - origin) / timeframeMs) * timeframeMs + origin;
}
