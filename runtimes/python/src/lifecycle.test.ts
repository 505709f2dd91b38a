import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { createPythonRuntime } from './python-runtime.js';
import { pythonJob } from './test-support/runtime.js';

/** Handles that keep Node's event loop alive (unref'd ones are not listed). */
const liveHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'ProcessWrap' || r === 'PipeWrap');

describeWithPython('the runtime lifecycle', ['numpy', 'pandas'], () => {
  it('starts on ready(), imports pandas on warm(), and fails runs after close()', async () => {
    const rt = createPythonRuntime();
    expect(rt.status()).toEqual({ pid: undefined, started: 0 });
    await rt.ready();
    const { pid } = rt.status();
    expect(pid).toBeGreaterThan(0);
    await rt.warm();
    const run = await rt.run(pythonJob('def strategy(d, p):\n    return {}\n'));
    expect(run.output).toEqual({});
    expect(rt.status()).toEqual({ pid, started: 1 });
    await rt.close();
    await expect(rt.run(pythonJob('def strategy(d, p):\n    return {}\n'))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'the Python runtime was closed',
    });
  });

  it('does not keep the event loop alive while idle (a CLI that forgets close() still exits)', async () => {
    const before = liveHandles().length;
    const rt = createPythonRuntime();
    await rt.run(pythonJob('def strategy(d, p):\n    return {}\n'));
    expect(liveHandles().length).toBe(before);
    await rt.close();
  });
});
