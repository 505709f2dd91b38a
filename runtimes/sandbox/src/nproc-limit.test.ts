import { expect, it } from 'vitest';
import { nprocLimit } from './nproc-limit.js';

it.skipIf(process.platform !== 'linux')(
  "leaves the allowance on top of the user's running tasks (this one among them)",
  () => {
    expect(nprocLimit(128)).toBeGreaterThan(128);
  },
);
