import { describe, expect, it } from 'vitest';
import { renderProgress } from './progress-bar.js';

describe('renderProgress', () => {
  it('shows the share done, the rate in bars per second and the time left at that rate', () => {
    const line = renderProgress({ done: 2500, total: 10_000, elapsedMs: 2000 });
    expect(line).toBe('[######..................]  25%  2500/10000 bars  1250 bars/s  ETA 6.0 s');
  });

  it('has no rate and an unknown ETA before anything is done, and a full bar at the end', () => {
    expect(renderProgress({ done: 0, total: 100, elapsedMs: 0 })).toContain('0 bars/s  ETA ?');
    expect(renderProgress({ done: 100, total: 100, elapsedMs: 50 })).toMatch(/^\[#{24}\] 100%/);
  });
});
