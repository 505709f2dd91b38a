import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from '@stratex/indicators';
import { beforeAll, expect, it } from 'vitest';
import { describeWithPython, venvPython } from '../../../testing/python.js';
import { readSharedJson } from '../../../testing/shared-data.js';
import { packageDir } from './python-path.js';
import { builtFamilies, sourceFamilies } from './test-support/native-families.js';
import { btc2022, pythonJob, runtime } from './test-support/runtime.js';

type Columns = { c: Float64Array; h: Float64Array; l: Float64Array; v: Float64Array; t: Float64Array };
type Series = ArrayLike<number>;

/** name, the Python call (inputs c h l v t), the TypeScript call, and its TA-Lib golden key/output if any. */
const CASES: [string, string, (d: Columns) => Series, string?][] = [
  ['sma', 'ind.sma(c, 20)', (d) => ts.sma(d.c, 20), 'sma_20'],
  ['ema', 'ind.ema(c, 20)', (d) => ts.ema(d.c, 20), 'ema_20'],
  ['wma', 'ind.wma(c, 20)', (d) => ts.wma(d.c, 20), 'wma_20'],
  ['dema', 'ind.dema(c, 20)', (d) => ts.dema(d.c, 20), 'dema_20'],
  ['tema', 'ind.tema(c, 20)', (d) => ts.tema(d.c, 20), 'tema_20'],
  ['kama', 'ind.kama(c, 30)', (d) => ts.kama(d.c, 30), 'kama_30'],
  ['rsi', 'ind.rsi(c, 14)', (d) => ts.rsi(d.c, 14), 'rsi_14'],
  ['macd', 'ind.macd(c, 12, 26, 9)["macd"]', (d) => ts.macd(d.c, 12, 26, 9).macd, 'macd_12_26_9/macd'],
  ['macd_signal', 'ind.macd(c).signal', (d) => ts.macd(d.c).signal, 'macd_12_26_9/signal'],
  ['macd_histogram', 'ind.macd(c).histogram', (d) => ts.macd(d.c).histogram, 'macd_12_26_9/hist'],
  ['bb_upper', 'ind.bollinger(c, 20, 2).upper', (d) => ts.bollinger(d.c, 20, 2).upper, 'bbands_20_2_2/upper'],
  ['bb_middle', 'ind.bollinger(c).middle', (d) => ts.bollinger(d.c).middle, 'bbands_20_2_2/middle'],
  ['bb_lower', 'ind.bollinger(c).lower', (d) => ts.bollinger(d.c).lower, 'bbands_20_2_2/lower'],
  ['bb_wide', 'ind.bollinger(c, 10, 1.5).upper', (d) => ts.bollinger(d.c, 10, 1.5).upper],
  ['stddev', 'ind.stddev(c, 20)', (d) => ts.stddev(d.c, 20), 'stddev_20_1'],
  ['roc', 'ind.roc(c, 10)', (d) => ts.roc(d.c, 10), 'roc_10'],
  ['mom', 'ind.mom(c, 10)', (d) => ts.mom(d.c, 10), 'mom_10'],
  ['trix', 'ind.trix(c, 30)', (d) => ts.trix(d.c, 30), 'trix_30'],
  ['atr', 'ind.atr(h, l, c, 14)', (d) => ts.atr(d.h, d.l, d.c, 14), 'atr_14'],
  ['natr', 'ind.natr(h, l, c, 14)', (d) => ts.natr(d.h, d.l, d.c, 14), 'natr_14'],
  ['adx', 'ind.adx(h, l, c, 14)', (d) => ts.adx(d.h, d.l, d.c, 14), 'adx_14'],
  ['plus_di', 'ind.plus_di(h, l, c, 14)', (d) => ts.plusDi(d.h, d.l, d.c, 14), 'plus_di_14'],
  ['minus_di', 'ind.minus_di(h, l, c, 14)', (d) => ts.minusDi(d.h, d.l, d.c, 14), 'minus_di_14'],
  ['willr', 'ind.willr(h, l, c, 14)', (d) => ts.willr(d.h, d.l, d.c, 14), 'willr_14'],
  ['cci', 'ind.cci(h, l, c, 20)', (d) => ts.cci(d.h, d.l, d.c, 20), 'cci_20'],
  ['cci_odd', 'ind.cci(h, l, c, 7)', (d) => ts.cci(d.h, d.l, d.c, 7)],
  ['stoch_k', 'ind.stoch(h, l, c, 14, 3, 3).k', (d) => ts.stoch(d.h, d.l, d.c, 14, 3, 3).k, 'stoch_14_3_3/slowk'],
  ['stoch_d', 'ind.stoch(h, l, c).d', (d) => ts.stoch(d.h, d.l, d.c).d, 'stoch_14_3_3/slowd'],
  ['stoch_rsi_k', 'ind.stoch_rsi(c, 14, 14, 3, 3).k', (d) => ts.stochRsi(d.c, 14, 14, 3, 3).k, 'stochrsi_14_14_3_3/k'],
  ['stoch_rsi_d', 'ind.stoch_rsi(c).d', (d) => ts.stochRsi(d.c).d, 'stochrsi_14_14_3_3/d'],
  ['aroon_down', 'ind.aroon(h, l, 14).down', (d) => ts.aroon(d.h, d.l, 14).down, 'aroon_14/down'],
  ['aroon_up', 'ind.aroon(h, l).up', (d) => ts.aroon(d.h, d.l).up, 'aroon_14/up'],
  ['sar', 'ind.sar(h, l, 0.02, 0.2)', (d) => ts.sar(d.h, d.l, 0.02, 0.2), 'sar_0.02_0.2'],
  ['ultosc', 'ind.ultosc(h, l, c, 7, 14, 28)', (d) => ts.ultosc(d.h, d.l, d.c, 7, 14, 28), 'ultosc_7_14_28'],
  ['obv', 'ind.obv(c, v)', (d) => ts.obv(d.c, d.v), 'obv'],
  ['mfi', 'ind.mfi(h, l, c, v, 14)', (d) => ts.mfi(d.h, d.l, d.c, d.v, 14), 'mfi_14'],
  ['vwap', 'ind.vwap(h, l, c, v, t)', (d) => ts.vwap(d.h, d.l, d.c, d.v, d.t)],
  ['vwap_session', 'ind.vwap(h, l, c, v)', (d) => ts.vwap(d.h, d.l, d.c, d.v)],
  [
    'cross_above',
    'ind.cross_above(ind.sma(c, 10), ind.sma(c, 30))',
    (d) => ts.crossAbove(ts.sma(d.c, 10), ts.sma(d.c, 30)),
  ],
  [
    'cross_below',
    'ind.cross_below(ind.sma(c, 10), ind.sma(c, 30))',
    (d) => ts.crossBelow(ts.sma(d.c, 10), ts.sma(d.c, 30)),
  ],
];

/** Bars made NaN in the "holes" variant: leading NaNs and two interior gaps (CONTRACT.md section 7). */
const HOLES = [
  [0, 7],
  [400, 401],
  [3000, 3050],
] as const;

const code = `
import json
import numpy as np
from stratex import indicators as ind
from stratex.kernels import native

def holes(x):
    x = np.array(x, dtype=np.float64)
${HOLES.map(([a, b]) => `    x[${a}:${b}] = np.nan`).join('\n')}
    return x

def compute(c, h, l, v, t):
    return {
${CASES.map(([name, call]) => `        "${name}": ${call},`).join('\n')}
    }

PARAMS = {"holes": False}

def strategy(data, params):
    c, h, l, v, t = data.close, data.high, data.low, data.volume, data.timestamp
    if params["holes"]:
        c, h, l, v = holes(c), holes(h), holes(l), holes(v)
    # Outputs hold numbers only: the families in use as the keys of a dict.
    return {"indicators": compute(c, h, l, v, t), "native": {name: [1.0] for name in native.loaded()}}
`;

/**
 * The same computations in a plain interpreter with STRATEX_PY_KERNELS=python: the pure-Python ports,
 * the fallback where no C compiler built the native families. Columns in and outputs out as raw float64
 * files in \`dir\` (argv[1]); prints the native families in use (none).
 */
const pureScript = `${code}
import os, sys
d = sys.argv[1]
cols = {k: np.fromfile(os.path.join(d, k + ".f64")) for k in "chlvt"}
for variant in ("real", "holes"):
    c, h, l, v, t = (cols[k] for k in "chlvt")
    if variant == "holes":
        c, h, l, v = holes(c), holes(h), holes(l), holes(v)
    for name, values in compute(c, h, l, v, t).items():
        np.asarray(values, dtype=np.float64).tofile(os.path.join(d, variant + "." + name + ".f64"))
print(json.dumps(native.loaded()))
`;

function columns(withHoles: boolean): Columns {
  const d = btc2022();
  const holes = (x: Float64Array) => {
    const y = Float64Array.from(x);
    if (withHoles) for (const [a, b] of HOLES) y.fill(Number.NaN, a, b);
    return y;
  };
  return { c: holes(d.close), h: holes(d.high), l: holes(d.low), v: holes(d.volume), t: d.timestamp };
}

/** Index of the first entry where a and b differ as float64 values (NaN equals NaN, -0 differs from 0), or -1. */
function firstDifference(a: Series, b: Series): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(Number(a[i]), Number(b[i]))) return i;
  return -1;
}

interface GoldenFile {
  indicators: Record<string, { outputs: Record<string, (number | null)[]> }>;
}

describeWithPython('Python indicators', ['numpy'], () => {
  let python: Record<string, Record<string, Float64Array>>;
  let nativeInRuntime: string[];
  let pure: { python: Record<string, Record<string, Float64Array>>; native: string[] };

  beforeAll(async () => {
    const limits = { timeoutMs: 120_000, memoryMb: 512 };
    const runs = await Promise.all(
      [false, true].map((holes) => runtime().run(pythonJob(code, { data: btc2022(), params: { holes }, limits }))),
    );
    python = { real: runs[0].output.indicators, holes: runs[1].output.indicators } as typeof python;
    nativeInRuntime = Object.keys(runs[0].output.native as Record<string, unknown>).sort();
    pure = runPurePython();
  }, 180_000);

  it.each(['real', 'holes'] as const)('equal the TypeScript kernels bit for bit (%s data)', (variant) => {
    expect(differencesFromTypeScript(python[variant], variant)).toEqual([]);
  });

  it('use every native kernel family built, in the sandboxed runtime (all of them under CI)', () => {
    const built = builtFamilies();
    if (process.env.CI === 'true') expect(built).toEqual(sourceFamilies());
    expect(nativeInRuntime).toEqual(built);
  });

  it.each(['real', 'holes'] as const)(
    'equal the TypeScript kernels bit for bit as pure Python too (%s data)',
    (variant) => {
      expect(pure.native).toEqual([]);
      expect(differencesFromTypeScript(pure.python[variant], variant)).toEqual([]);
    },
  );

  it('match the TA-Lib golden vectors (NaN exactly where TA-Lib has no value)', () => {
    const golden = readSharedJson<GoldenFile>('golden', 'talib_kraken_BTCUSD_1h_2022.json').indicators;
    const problems: string[] = [];
    for (const [name, , , key] of CASES) {
      if (!key) continue;
      const [indicator, output = 'real'] = key.split('/');
      const expected = golden[indicator].outputs[output];
      const actual = python.real[name];
      const bad = expected.findIndex((b, i) =>
        b === null ? !Number.isNaN(actual[i]) : !(Math.abs(actual[i] - b) <= 1e-9 * Math.max(1, Math.abs(b))),
      );
      if (bad >= 0) problems.push(`${name} at bar ${bad}: ${actual[bad]} vs TA-Lib ${expected[bad]}`);
    }
    expect(problems).toEqual([]);
  });

  it('are the same set as @stratex/indicators, and the editor stubs declare every one', () => {
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const expected = Object.entries(ts)
      .filter(([name, value]) => typeof value === 'function' && name !== 'patterns')
      .map(([name]) => snake(name))
      .sort();
    const script = `
import ast, json
from stratex import indicators
stubs = ast.parse(open("stratex/indicators.pyi").read())
print(json.dumps([sorted(indicators.__all__), sorted(n.name for n in stubs.body if isinstance(n, ast.FunctionDef))]))
`;
    const out = spawnSync(venvPython, ['-c', script], { cwd: packageDir, encoding: 'utf8' });
    const [exported, stubbed] = JSON.parse(out.stdout) as [string[], string[]];
    expect(exported).toEqual(expected);
    expect(stubbed).toEqual(expected);
  });
});

/** "name at bar i: python …, ts …" for every case whose Python output differs from TypeScript's. */
function differencesFromTypeScript(outputs: Record<string, Float64Array>, variant: 'real' | 'holes'): string[] {
  const data = columns(variant === 'holes');
  return CASES.flatMap(([name, , call]) => {
    const expected = call(data);
    const i = firstDifference(outputs[name], expected);
    return i < 0 ? [] : [`${name} at bar ${i}: python ${outputs[name][i]}, ts ${expected[i]}`];
  });
}

/** Every case computed by the pure-Python ports, outside the sandbox (see pureScript). */
function runPurePython(): { python: Record<string, Record<string, Float64Array>>; native: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'stratex-pure-'));
  try {
    const data = columns(false);
    for (const key of ['c', 'h', 'l', 'v', 't'] as const) writeFileSync(join(dir, `${key}.f64`), data[key]);
    const run = spawnSync(venvPython, ['-c', pureScript, dir], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, STRATEX_PY_KERNELS: 'python' },
    });
    if (run.status !== 0) throw new Error(`pure-Python run failed: ${run.stderr}`);
    const read = (variant: string) =>
      Object.fromEntries(
        CASES.map(([name]) => {
          const bytes = readFileSync(join(dir, `${variant}.${name}.f64`));
          return [name, new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)];
        }),
      );
    return { python: { real: read('real'), holes: read('holes') }, native: JSON.parse(run.stdout) as string[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
