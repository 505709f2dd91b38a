import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

const code = `
PARAMS = {"fast": 10, "ratio": 0.5, "short": False, "name": "sma", "free": None}
def strategy(data, params):
    print({k: type(v).__name__ for k, v in params.items()})
    return {}
`;

describeWithPython('parameters', ['numpy'], () => {
  it('start from PARAMS and are typed by the defaults', async () => {
    const params = { fast: '12', ratio: '0.25', short: 'true', name: 7, free: 'x' };
    const run = await runtime().run(pythonJob(code, { params }));
    expect(run.params).toEqual({ fast: 12, ratio: 0.25, short: true, name: '7', free: 'x' });
    expect(run.logs).toContain("'fast': 'int', 'ratio': 'float', 'short': 'bool', 'name': 'str', 'free': 'str'");
  });

  it('keep the defaults that are not overridden, and accept integral numbers for integers', async () => {
    const run = await runtime().run(pythonJob(code, { params: { fast: 20.0, ratio: 1 } }));
    expect(run.params).toEqual({ fast: 20, ratio: 1, short: false, name: 'sma', free: null });
  });

  it('reject unknown names and values the default type cannot take', async () => {
    const cases = [
      [{ slow: 30 }, /unknown parameter 'slow'.*fast, ratio/],
      [{ fast: '1.5' }, /'fast': expected an integer/],
      [{ fast: true }, /'fast'/],
      [{ ratio: 'abc' }, /'ratio': expected a number/],
      [{ short: 'maybe' }, /'short': expected true or false/],
    ] as const;
    for (const [params, message] of cases) {
      const error = await failure(pythonJob(code, { params }));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(message);
    }
  });

  it('are all unknown for a strategy without PARAMS', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    return {}\n', { params: { a: 1 } }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toMatch(/unknown parameter 'a'/);
  });
});
