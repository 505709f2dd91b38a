import { describe, expect, it } from 'vitest';
import { LOG_LIMIT_BYTES, LogBuffer, TRUNCATION_MARKER } from './log-buffer.js';

describe('LogBuffer', () => {
  it('keeps everything below 64 KB', () => {
    const logs = new LogBuffer();
    logs.append('a\n');
    logs.append('b\n');
    expect(logs.text()).toBe('a\nb\n');
  });

  it('keeps the first 64 KB of UTF-8 and then the truncation marker', () => {
    const logs = new LogBuffer();
    for (let i = 0; i < 10_000; i++) logs.append(`line ${i} é\n`);
    const text = logs.text();
    expect(text.endsWith(TRUNCATION_MARKER)).toBe(true);
    const kept = text.slice(0, -TRUNCATION_MARKER.length);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(LOG_LIMIT_BYTES);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(LOG_LIMIT_BYTES - 4);
    expect(kept.startsWith('line 0 é\nline 1 é\n')).toBe(true);
    expect(kept).not.toContain('\uFFFD');
  });

  it('ignores anything that is not a string', () => {
    const logs = new LogBuffer();
    logs.append({ toString: () => 'x' });
    expect(logs.text()).toBe('');
  });
});
