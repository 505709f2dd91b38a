import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { createPythonRuntime } from './python-runtime.js';
import { pythonJob } from './test-support/runtime.js';
import { RUNTIME_ENV } from './zygote.js';

/** Handles that keep Node's event loop alive (unref'd ones are not listed), once closing ones are gone. */
async function liveHandles(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return process.getActiveResourcesInfo().filter((r) => r === 'ProcessWrap' || r === 'PipeWrap').length;
}

describeWithPython('the runtime lifecycle', ['numpy', 'pandas'], () => {
  it('starts on ready(), imports pandas on warm(), and fails runs after close()', async () => {
    const rt = createPythonRuntime();
    expect(rt.status()).toMatchObject({ pid: undefined, started: 0 });
    await rt.ready();
    const { pid } = rt.status();
    expect(pid).toBeGreaterThan(0);
    await rt.warm();
    const run = await rt.run(pythonJob('def strategy(d, p):\n    return {}\n'));
    expect(run.output).toEqual({});
    expect(rt.status()).toMatchObject({ pid, started: 1 });
    await rt.close();
    await expect(rt.run(pythonJob('def strategy(d, p):\n    return {}\n'))).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'the Python runtime was closed',
    });
  });

  it('does not keep the event loop alive while idle (a CLI that forgets close() still exits)', async () => {
    const before = await liveHandles();
    const rt = createPythonRuntime();
    await rt.run(pythonJob('def strategy(d, p):\n    return {}\n'));
    expect(await liveHandles()).toBe(before);
    await rt.close();
  });

  it('holds the event loop while close() waits for the zygote to exit', async () => {
    const before = await liveHandles();
    const rt = createPythonRuntime();
    await rt.ready();
    const pid = rt.status().pid!;
    const closing = rt.close();
    expect(process.getActiveResourcesInfo()).toContain('ProcessWrap');
    await closing;
    expect(await liveHandles()).toBe(before);
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('gives the zygote (and so every job) only the runtime environment, none of the host', async () => {
    process.env.STRATEX_TEST_CANARY = 'secret';
    const rt = createPythonRuntime({ bypassValidation: true });
    try {
      const code = 'import os, json\ndef strategy(d, p):\n    print(json.dumps(dict(os.environ)))\n    return {}\n';
      const run = await rt.run(pythonJob(code));
      // bwrap sets PWD to the directory it starts the runtime in, Python sets LC_CTYPE (PEP 538);
      // nothing of the host comes through.
      const { PWD, LC_CTYPE, ...seen } = JSON.parse(run.logs);
      expect(seen).toEqual(RUNTIME_ENV);
      expect(RUNTIME_ENV.OPENBLAS_NUM_THREADS).toBe('1');
    } finally {
      delete process.env.STRATEX_TEST_CANARY;
      await rt.close();
    }
  });
});
