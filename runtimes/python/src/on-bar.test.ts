import { expect, it } from 'vitest';
import { describeWithPython } from '../../../testing/python.js';
import { failure, pythonJob, rampData, runtime } from './test-support/runtime.js';

describeWithPython('on_bar', ['numpy'], () => {
  it('sees bars 0..t and turns buy/sell/close calls into the target and the levels set so far', async () => {
    const code = `
PARAMS = {"at": 3}
seen = []
def on_bar(ctx):
    assert len(ctx.close) == len(ctx.open) == len(ctx.timestamp) == ctx.bar + 1
    assert ctx.close[-1] == 100 + ctx.bar
    seen.append(ctx.position)
    if ctx.bar == ctx.params["at"]:
        ctx.buy(size=0.5, stop_loss=0.03, trailing_stop=0.1)
    elif ctx.bar == 6:
        ctx.sell()
    elif ctx.bar == 8:
        ctx.buy(stop_loss=0.01)
        ctx.close_position()
    if ctx.bar == 9:
        print(seen)
`;
    const run = await runtime().run(pythonJob(code, { data: rampData(10) }));
    expect(run.style).toBe('event');
    const o = run.output as Record<string, Float64Array>;
    expect(Array.from(o.position)).toEqual([0, 0, 0, 0.5, 0.5, 0.5, -1, -1, 0, 0]);
    const nan = Number.NaN;
    // Levels are state, as in the JS SDK: kept until the next order or close (the engine reads them
    // at the bar whose target changes); only the kinds of level the strategy used are returned.
    expect(Array.from(o.stop_loss)).toEqual([nan, nan, nan, 0.03, 0.03, 0.03, nan, nan, nan, nan]);
    expect(Array.from(o.trailing_stop)).toEqual([nan, nan, nan, 0.1, 0.1, 0.1, nan, nan, nan, nan]);
    expect(Object.keys(o).sort()).toEqual(['position', 'stop_loss', 'trailing_stop']);
    // ctx.position is the target set so far, as on_bar finds it at each bar.
    expect(run.logs).toBe('[0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, -1.0, -1.0, 0.0]\n');
  });

  it('caches ctx.indicator over the whole series and shows it up to bar t', async () => {
    const code = `
from stratex import indicators
calls = []
def on_bar(ctx):
    sma = ctx.indicator("SMA", 3)
    assert ctx.indicator("plusDi", 5).base is ctx.indicator("plus_di", 5).base
    full = indicators.sma(ctx.close, 3)
    assert len(sma) == ctx.bar + 1
    assert (sma[2:] == full[2:]).all()
    m = ctx.indicator("sma", 3)
    assert m.base is sma.base
`;
    await expect(runtime().run(pythonJob(code, { data: rampData(20) }))).resolves.toBeDefined();
  });

  it('reports a bad size or level at the line that passed it', async () => {
    const code = 'def on_bar(ctx):\n    if ctx.bar == 2:\n        ctx.buy(size=1.5)\n';
    const error = await failure(pythonJob(code));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toMatch(/ctx.buy: size must be a number in \[0, 1\]/);
    expect(error.details?.line).toBe(3);
    const stop = await failure(pythonJob('def on_bar(ctx):\n    ctx.sell(stop_loss=2)\n'));
    expect(stop.message).toMatch(/ctx.sell: stop_loss must be a fraction of the entry price \(0, 1\)/);
  });

  it('cannot set ctx.position directly', async () => {
    const error = await failure(pythonJob('def on_bar(ctx):\n    ctx.position = 1\n'));
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.details?.line).toBe(2);
  });

  it('is refused together with strategy(), and a file with neither is an error', async () => {
    const both = await failure(pythonJob('def on_bar(ctx):\n    pass\ndef strategy(d, p):\n    return {}\n'));
    expect(both.message).toMatch(/not both/);
    const neither = await failure(pythonJob('x = 1\n'));
    expect(neither.message).toMatch(/neither/);
  });
});
