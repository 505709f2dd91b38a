import { describe, expect, it } from 'vitest';
import { SECTION_7_NAMES } from '../../../testing/section-7.js';
import * as indicators from './index.js';

describe('@stratex/indicators', () => {
  it('exports the functions of CONTRACT.md section 7 and the patterns, no kernel internals', () => {
    expect(Object.keys(indicators).sort()).toEqual([...SECTION_7_NAMES, 'patterns'].sort());
  });
});
