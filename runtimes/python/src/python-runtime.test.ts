import { describe, expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob, rampData, runtime } from './test-support/runtime.js';

describeWithPython('the Python runtime', ['numpy', 'pandas'], () => {
  it('runs a vectorized strategy and returns its arrays as typed arrays', async () => {
    const code = `
def strategy(data, params):
    return {"entries": data.close > 120, "exits": [0] * len(data), "stop_loss": 0.05,
            "indicators": {"double": data.close * 2}}
`;
    const run = await runtime().run(pythonJob(code));
    expect(run.style).toBe('vectorized');
    const { entries, exits, stop_loss, indicators } = run.output as Record<string, unknown>;
    expect(entries).toBeInstanceOf(Uint8Array);
    expect(Array.from(entries as Uint8Array).indexOf(1)).toBe(21);
    expect(exits).toBeInstanceOf(Uint8Array);
    expect(stop_loss).toBe(0.05);
    expect((indicators as { double: Float64Array }).double).toEqual(rampData(50).close.map((c) => c * 2));
  });

  it('gives the strategy int64 timestamps, float64 columns, len(data) and a pandas view', async () => {
    const code = `
import numpy as np
def strategy(data, params):
    df = data.df
    assert data.timestamp.dtype == np.int64 and data.close.dtype == np.float64
    assert len(data) == len(df) == 50 and str(df.index.tz) == "UTC"
    return {"position": (df["close"] - df["open"]).to_numpy() * 0 + 1, "size": np.float64("nan")}
`;
    const run = await runtime().run(pythonJob(code));
    expect(Array.from(run.output.position as Float64Array)).toEqual(new Array(50).fill(1));
    expect(run.output.size).toBeNaN();
  });

  it('refuses data that strategies try to change in place', async () => {
    const error = await failure(pythonJob('def strategy(data, params):\n    data.close[0] = 1\n    return {}\n'));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details?.line).toBe(2);
  });

  it('accepts bools, 0/1 integers, lists and pandas Series for boolean keys', async () => {
    const code = `
import pandas as pd
def strategy(data, params):
    n = len(data)
    return {"entries": pd.Series([i % 2 == 0 for i in range(n)]), "exits": [i % 2 for i in range(n)],
            "short_entries": [False] * n, "short_exits": [2] * n}
`;
    const { output } = await runtime().run(pythonJob(code));
    expect(output.entries).toBeInstanceOf(Uint8Array);
    expect((output.entries as Uint8Array)[0]).toBe(1);
    expect(output.exits).toBeInstanceOf(Uint8Array);
    expect(output.short_entries).toBeInstanceOf(Uint8Array);
    // Not 0/1: left as numbers for the engine's normaliser to report.
    expect(output.short_exits).toBeInstanceOf(Float64Array);
  });

  it('refuses output that cannot travel as numbers, naming the key', async () => {
    const bad = [
      ['{"entries": "yes"}', /entries/],
      ['{"position": [[1, 2]]}', /position.*one value per bar/],
      ['{"position": ["a", "b"]}', /position/],
      ['[1, 2, 3]', /must return a dict/],
    ] as const;
    for (const [value, message] of bad) {
      const error = await failure(pythonJob(`def strategy(data, params):\n    return ${value}\n`));
      expect(error.code).toBe('STRATEGY_ERROR');
      expect(error.message).toMatch(message);
    }
  });

  it('runs many jobs at once, each in its own child', async () => {
    const code =
      'def strategy(data, params):\n    return {"position": data.close * 0 + params["k"]}\nPARAMS = {"k": 0.0}\n';
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, k) => runtime().run(pythonJob(code, { params: { k: k / 10 } }))),
    );
    expect(runs.map((r) => (r.output.position as Float64Array)[0])).toEqual(runs.map((_, k) => k / 10));
  });
});

describe('the Python runtime without Python', () => {
  it('says how to set Python up', async () => {
    const { createPythonRuntime } = await import('./python-runtime.js');
    const rt = createPythonRuntime({ pythonPath: '/nonexistent/python' });
    await expect(rt.run(pythonJob('x = 1'))).rejects.toThrow(/npm run setup:python/);
    await rt.close();
  });
});
