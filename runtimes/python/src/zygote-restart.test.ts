import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

describeWithPython('the zygote', ['numpy'], () => {
  it('is restarted after it dies; the job it was running fails with SANDBOX_VIOLATION', async () => {
    const rt = runtime();
    await rt.run(pythonJob('def strategy(d, p):\n    return {}\n'));
    const { pid, started } = rt.status();
    const running = failure(pythonJob('def strategy(d, p):\n    while True:\n        pass\n'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pid!, 'SIGKILL');
    expect((await running).code).toBe('SANDBOX_VIOLATION');
    const next = await rt.run(pythonJob('def strategy(d, p):\n    return {"x": 1}\n'));
    expect(next.output).toEqual({ x: 1 });
    expect(rt.status().pid).not.toBe(pid);
    expect(rt.status().started).toBe(started + 1);
  });

  it('forks a fresh child per job: nothing a job leaves behind reaches the next', async () => {
    const code = `
import numpy as np
leak = np.zeros(1)
def strategy(data, params):
    print(leak[0])
    leak[0] += 1
    return {}
`;
    const first = await runtime().run(pythonJob(code));
    const second = await runtime().run(pythonJob(code));
    expect([first.logs, second.logs]).toEqual(['0.0\n', '0.0\n']);
  });
});
