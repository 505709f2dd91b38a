import { describe, expect, it } from 'vitest';
import { bwrapUsable, detectIsolation } from './profile.js';

describe('detectIsolation', () => {
  it('takes the profile STRATEX_ISOLATION forces', () => {
    expect(detectIsolation({ STRATEX_ISOLATION: 'process' })).toBe('process');
  });

  it('refuses an unknown profile rather than guessing', () => {
    expect(() => detectIsolation({ STRATEX_ISOLATION: 'none' })).toThrow(/must be "process" or "bwrap"/);
  });

  it('gives bwrap where bwrap works and refuses to force it where it does not', () => {
    if (bwrapUsable()) {
      expect(detectIsolation({})).toBe('bwrap');
      expect(detectIsolation({ STRATEX_ISOLATION: 'bwrap' })).toBe('bwrap');
    } else {
      expect(process.env.CI, 'CI installs bubblewrap').not.toBe('true');
      expect(detectIsolation({})).toBe('process');
      expect(() => detectIsolation({ STRATEX_ISOLATION: 'bwrap' })).toThrow(/cannot create namespaces/);
    }
  });
});
