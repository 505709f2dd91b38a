import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { describeWithPython, venvPython } from '../../../testing/python.js';
import { packageDir } from './python-path.js';
import { failure, pythonJob, runtime } from './test-support/runtime.js';

/** Each snippet lands on line 3 of a strategy file (after an allowed import and a blank line). */
const banned = [
  'import os',
  'import sys',
  'import subprocess',
  'import socket',
  'import ctypes',
  'import cffi',
  'import importlib',
  'import pickle',
  'import marshal',
  'import shelve',
  'import threading',
  'import multiprocessing',
  'import signal',
  'import builtins',
  'import io',
  'import pathlib',
  'import shutil',
  'import tempfile',
  'import inspect',
  'import gc',
  'import resource',
  'import code',
  'import codeop',
  'import time',
  'import os.path as p',
  'from os import system',
  'from . import x',
  'from numpy import *',
  'from numpy import load',
  'import numpy.ctypeslib',
  'import numpy._core',
  'import stratex_runtime',
  'eval("1")',
  'exec("x = 1")',
  'compile("1", "f", "eval")',
  'open("/etc/passwd")',
  '__import__("os")',
  'globals()',
  'locals()',
  'vars()',
  'breakpoint()',
  'input()',
  'help()',
  'f = eval',
  'x = (1).__class__',
  'x = ().__class__.__bases__[0].__subclasses__()',
  'x = (lambda: 0).__globals__',
  'x = __builtins__',
  'x = np.__dict__',
  'x = (lambda: 0).__code__',
  'x = int.__mro__',
  'g = getattr',
  'x = getattr(np, "lo" + "ad")',
  'x = getattr(np, "load")',
  'x = getattr(np, "__dict__")',
  'setattr(np, name, 1)',
  'x = np.fromfile("f")',
  'np.zeros(1).dump("f")',
  'x = np.load("f")',
  'np.save("f", 1)',
  'x = pd.read_csv("/etc/passwd")',
  'x = pd.DataFrame().to_pickle("f")',
  'x = pd.eval("1 + 1")',
  'x = "{0.__class__}".format(1)',
  'x = (i for i in []).gi_frame.f_back',
];

const strategyFile = (snippet: string) =>
  `import numpy as np\n\n${snippet}\nimport pandas as pd\ndef strategy(data, params):\n    return {}\n`;

describeWithPython('static validation', ['numpy'], () => {
  it.each(banned)('refuses `%s` with CODE_REJECTED at its line', async (snippet) => {
    const error = await failure(pythonJob(strategyFile(snippet)));
    expect({ code: error.code, line: error.details?.line }).toEqual({ code: 'CODE_REJECTED', line: 3 });
    expect(error.message).toMatch(/\(line 3\)$/);
  });

  it('runs nothing of a refused file', async () => {
    const error = await failure(pythonJob('print("ran")\nimport os\n'));
    expect(error.code).toBe('CODE_REJECTED');
    expect(error.details?.logs).toBeUndefined();
  });

  it('refuses code that is too large, too big a tree or too deeply nested', async () => {
    const large = await failure(pythonJob(`x = 1\n${'# padding\n'.repeat(11_000)}`));
    expect(large.message).toMatch(/larger than 100 KB/);
    const nodes = await failure(pythonJob(`x = [${'1, '.repeat(30_000)}]\n`));
    expect(nodes.message).toMatch(/more than 25000 syntax nodes/);
    const nested = await failure(pythonJob(`x = ${'['.repeat(70)}${']'.repeat(70)}\n`));
    expect(nested.message).toMatch(/nests deeper than 60/);
    for (const error of [large, nodes, nested]) expect(error.code).toBe('CODE_REJECTED');
  });

  it('lets ordinary numpy, pandas, standard-library and SDK code through', async () => {
    const code = `
"""A docstring may mention __init__ and __name__."""
import math, statistics, random, itertools, functools, collections, dataclasses, typing, datetime
import numpy as np
import pandas as pd
from collections import deque
from dataclasses import dataclass
from stratex import indicators as ind

PARAMS = {"period": 5}

@dataclass
class Window:
    size: int

    def __init__(self, size):
        self.size = size
        self._private = 1

class Sub(Window):
    def __init__(self):
        super().__init__(3)

def strategy(data, params):
    w = Sub()
    ma = ind.sma(data.close, params["period"])
    s = pd.Series(data.close).rolling(w.size).mean()
    z = getattr(w, "size") + hasattr(w, "_private")
    q = deque(maxlen=2)
    r = random.random()
    name = type(w).__name__
    if __name__ != "__main__":
        q.append(math.sqrt(statistics.mean([1.0, 2.0])))
    return {"position": np.where(data.close > np.nan_to_num(s.to_numpy()), 1.0, 0.0)}
`;
    await expect(runtime().run(pythonJob(code))).resolves.toBeDefined();
  });

  it('is backed at run time by built-ins without eval/open and an import guard', () => {
    // What the user's globals get; checked directly, since the static check stops user code first.
    const script = `
from stratex_runtime.user_builtins import user_builtins
b = user_builtins()
missing = [n for n in ("eval", "exec", "compile", "open", "globals", "vars", "breakpoint", "input") if n in b]
for name in ("os", "sys", "numpy.ctypeslib"):
    try:
        b["__import__"](name)
        missing.append(name)
    except ImportError:
        pass
try:
    b["getattr"](1, "__class__")
    missing.append("getattr")
except AttributeError:
    pass
b["__import__"]("numpy._core._methods")
print(missing)
`;
    const out = spawnSync(venvPython, ['-c', script], { cwd: packageDir, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('[]\n');
  });
});
