/**
 * The native kernel families (C extension modules in stratex/_native) are reachable from user code
 * (`stratex.kernels.cci._native`), so they must survive any call: every buffer, length, run and period
 * is checked in C before memory is touched. A fuzz run calls every function with seeded wrong arguments
 * in a plain interpreter (a crash would kill it), and a strategy misusing one in the sandbox gets a
 * STRATEGY_ERROR while the runtime carries on.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithPython, venvPython } from '../../../testing/python.js';
import { packageDir } from './python-path.js';
import { builtFamilies } from './test-support/native-families.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

const FUZZ = join(packageDir, 'src', 'test-support', 'fuzz_native.py');
const CALLS_PER_FUNCTION = 1500;

describeWithPython('native kernel families', ['numpy'], () => {
  it.each([1, 2])(
    'survive seeded calls with wrong arguments to every function (seed %i)',
    (seed) => {
      const run = spawnSync(venvPython, [FUZZ, String(seed), String(CALLS_PER_FUNCTION)], {
        cwd: packageDir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, PYTHONPATH: packageDir },
        timeout: 120_000,
      });
      expect(run.signal, `crashed in ${run.stderr.trim().split('\n').at(-1)}`).toBeNull();
      expect(run.status, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as Record<string, Record<string, [number, number]>>;
      expect(Object.keys(summary).sort()).toEqual(builtFamilies());
      for (const [family, functions] of Object.entries(summary)) {
        expect(Object.keys(functions).length, family).toBeGreaterThan(0);
        // Most random argument lists are wrong: each function must have refused some of them.
        for (const [name, [calls, raised]] of Object.entries(functions)) {
          expect(raised, `${family}.${name}`).toBeGreaterThan(calls / 2);
        }
      }
    },
    240_000,
  );

  it('refuse a misuse from a strategy with STRATEGY_ERROR, and the runtime carries on', async () => {
    if (!builtFamilies().includes('cci')) return;
    const misuse = `
import numpy as np
from stratex.kernels import cci as k

def strategy(data, params):
    short = np.zeros(3)
    k._native.cci_run(data.high, data.low, data.close, short, 0, 3, 20)
    return {"entries": data.close > 0}
`;
    const error = await failure(pythonJob(misuse));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toMatch(/same length/);
    const after = await runtime().run(
      pythonJob('def strategy(data, params):\n    return {"entries": data.close > 0}\n'),
    );
    expect(after.output.entries).toHaveLength(50);
  });
});
