import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob } from './test-support/runtime.js';

const hostPath = /\/(work|home|usr|tmp|root)\/|site-packages|\.venv|stratex_runtime/;

describeWithPython('errors of the strategy', ['numpy'], () => {
  it("are STRATEGY_ERROR with the user's line and only the user's frames", async () => {
    const code = `import numpy as np
from stratex import indicators

def helper(x):
    return indicators.sma(x, 0)

def strategy(data, params):
    fast = helper(data.close)
    return {}
`;
    const error = await failure(pythonJob(code));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toBe('ValueError: sma: period must be a positive integer, got 0 (line 5)');
    expect(error.details?.line).toBe(5);
    const traceback = String(error.details?.traceback);
    expect(traceback).toContain('File "strategy.py", line 8, in strategy');
    expect(traceback).toContain('File "strategy.py", line 5, in helper');
    expect(traceback).toContain('indicators.sma(x, 0)');
    expect(traceback).not.toMatch(hostPath);
  });

  it('name no host path even when Python would (an import error names the file it searched)', async () => {
    const error = await failure(pythonJob('from numpy import not_a_thing\ndef strategy(d, p):\n    return {}\n'));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details?.line).toBe(1);
    expect(`${error.message} ${error.details?.traceback}`).not.toMatch(hostPath);
  });

  it('include errors of the module body', async () => {
    const error = await failure(pythonJob('x = {}\ny = x["missing"]\n'));
    expect(error.message).toBe("KeyError: 'missing' (line 2)");
  });

  it('report a syntax error as STRATEGY_ERROR with its line', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    return {\n\ndef x(:\n'));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toMatch(/^SyntaxError: .* \(line \d\)$/);
    expect(error.details?.line).toBeGreaterThanOrEqual(2);
  });

  it('report exit() and raise SystemExit as the strategy failing, not the runner', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    raise SystemExit(3)\n'));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details?.line).toBe(2);
  });

  it('report MemoryError as MEMORY_LIMIT', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    raise MemoryError()\n'));
    expect(error.code).toBe('MEMORY_LIMIT');
  });
});
