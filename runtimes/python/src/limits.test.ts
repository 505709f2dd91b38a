import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { createPythonRuntime } from './python-runtime.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

describeWithPython('limits', ['numpy'], () => {
  it('stop a strategy at its wall timeout with TIMEOUT, and the runtime goes on', async () => {
    const began = Date.now();
    const job = pythonJob('def strategy(data, params):\n    while True:\n        pass\n', {
      limits: { timeoutMs: 300, memoryMb: 256 },
    });
    const error = await failure(job);
    expect(error.code).toBe('TIMEOUT');
    expect(Date.now() - began).toBeLessThan(3000);
    await expect(runtime().run(pythonJob('def strategy(d, p):\n    return {}\n'))).resolves.toBeDefined();
  });

  it('count module-level code against the timeout too', async () => {
    const job = pythonJob('while True:\n    pass\n', { limits: { timeoutMs: 200, memoryMb: 256 } });
    expect((await failure(job)).code).toBe('TIMEOUT');
  });

  it('stop a strategy that allocates past its memory limit with MEMORY_LIMIT', async () => {
    const code = 'import numpy as np\ndef strategy(data, params):\n    x = np.ones(200_000_000)\n    return {}\n';
    const error = await failure(pythonJob(code, { limits: { timeoutMs: 10_000, memoryMb: 256 } }));
    expect(error.code).toBe('MEMORY_LIMIT');
  });

  it('let a strategy use memory within its limit', async () => {
    const code = 'import numpy as np\ndef strategy(data, params):\n    x = np.ones(20_000_000)\n    return {}\n';
    await expect(
      runtime().run(pythonJob(code, { limits: { timeoutMs: 10_000, memoryMb: 256 } })),
    ).resolves.toBeDefined();
  });

  it('catch memory growth in plain Python objects as well', async () => {
    const code = 'def strategy(data, params):\n    x = []\n    while True:\n        x.append([0] * 10000)\n';
    const error = await failure(pythonJob(code, { limits: { timeoutMs: 10_000, memoryMb: 64 } }));
    expect(error.code).toBe('MEMORY_LIMIT');
  });

  it('refuse a result over the size limit with STRATEGY_ERROR', async () => {
    const small = createPythonRuntime({ maxOutputBytes: 1_000_000 });
    const code = 'import numpy as np\ndef strategy(data, params):\n    return {"position": np.zeros(200_000)}\n';
    await expect(small.run(pythonJob(code))).rejects.toMatchObject({
      code: 'STRATEGY_ERROR',
      message: expect.stringMatching(/larger than the limit of 1000000 bytes/),
    });
    await small.close();
  });
});
