/** How `stratex data` writes times and durations for people (JSON output keeps ms numbers). */

/** `2022-01-01T00:00Z`: minutes are the finest unit a candle needs. */
export function isoMinute(time: number | undefined): string {
  return time === undefined ? '—' : `${new Date(time).toISOString().slice(0, 16)}Z`;
}

/** `1.2 s`, `350 ms`, `3 min 5 s`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
