/*
 * Moving averages: C copies of packages/indicators/src/ema.ts (emaRun), ema-chain.ts (demaRun, temaRun,
 * trixRun, seedChain), macd.ts (macdRun), kama.ts (kamaRun, kamaStep) and wma.ts (wmaRun, copyRun), with
 * finite-runs.ts's startOfRun.
 *
 * Like variance.c, each call walks every finite run of the whole series in C, as the TS kernels do
 * (startOfRun, then the kernel until its first non-finite bar): Python's finite_runs pass and the
 * per-run calls cost about 4 ns/bar, more than these kernels (measured on 100k bars with 100 holes).
 * Every output entry of [0, n) is written (NaN in gaps, warm-ups and runs too short for a value). No
 * scratch memory: every kernel keeps O(1) state.
 */
#include "series.h"

/* TA-Lib fixes KAMA's fast and slow EMA ends at 2 and 30 bars whatever the period (kama.ts). */
static const double KAMA_SLOWEST = 2.0 / (30 + 1);
static const double KAMA_SPREAD = 2.0 / (2 + 1) - 2.0 / (30 + 1);

/* 2 / (period + 1) as JavaScript computes it (period + 1 is exact in a double). */
static double smoothing(Py_ssize_t period) { return 2 / ((double)period + 1); }

/* emaRun of ema.ts. */
static Py_ssize_t ema_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t first = start + period - 1;
  fill_nan(out, start, first);
  double sum = 0;
  for (Py_ssize_t i = start; i <= first; i++) sum += x[i];
  double value = sum / (double)period;
  out[first] = value;
  double k = smoothing(period);
  Py_ssize_t i = first + 1;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    value = (v - value) * k + value;
    out[i] = value;
  }
  return i;
}

/*
 * seedChain of ema-chain.ts: the values of `depth` (<= 3) chained EMA stages at bar
 * start + depth * (period - 1), each stage seeded with the SMA of its own first `period` inputs.
 */
static void seed_chain(const double *x, Py_ssize_t start, Py_ssize_t period, int depth, double *values) {
  double k = smoothing(period);
  double sums[3] = {0, 0, 0};
  Py_ssize_t counts[3] = {0, 0, 0};
  for (int s = 0; s < depth; s++) values[s] = 0;
  for (Py_ssize_t i = start; i <= start + depth * (period - 1); i++) {
    double input = x[i];
    for (int s = 0; s < depth; s++) {
      if (counts[s] == period) {
        values[s] = (input - values[s]) * k + values[s];
      } else {
        sums[s] += input;
        counts[s]++;
        if (counts[s] < period) break;
        values[s] = sums[s] / (double)period;
      }
      input = values[s];
    }
  }
}

/* demaRun of ema-chain.ts. */
static Py_ssize_t dema_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t first = start + 2 * (period - 1);
  double stages[3];
  seed_chain(x, start, period, 2, stages);
  double v1 = stages[0], v2 = stages[1];
  fill_nan(out, start, first);
  out[first] = 2 * v1 - v2;
  double k = smoothing(period);
  Py_ssize_t i = first + 1;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    out[i] = 2 * v1 - v2;
  }
  return i;
}

/* temaRun of ema-chain.ts. */
static Py_ssize_t tema_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t first = start + 3 * (period - 1);
  double stages[3];
  seed_chain(x, start, period, 3, stages);
  double v1 = stages[0], v2 = stages[1], v3 = stages[2];
  fill_nan(out, start, first);
  out[first] = v3 + (3 * v1 - 3 * v2);
  double k = smoothing(period);
  Py_ssize_t i = first + 1;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    v3 = (v2 - v3) * k + v3;
    out[i] = v3 + (3 * v1 - 3 * v2);
  }
  return i;
}

/* trixRun of ema-chain.ts. */
static Py_ssize_t trix_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t seeded = start + 3 * (period - 1);
  double stages[3];
  seed_chain(x, start, period, 3, stages);
  double v1 = stages[0], v2 = stages[1], v3 = stages[2];
  fill_nan(out, start, seeded + 1);
  double k = smoothing(period);
  Py_ssize_t i = seeded + 1;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    double previous = v3;
    v1 = (v - v1) * k + v1;
    v2 = (v1 - v2) * k + v2;
    v3 = (v2 - v3) * k + v3;
    out[i] = previous != 0 ? (v3 / previous - 1) * 100 : 0;
  }
  return i;
}

/* kamaStep of kama.ts. */
static double kama_step(double previous, double v, double change, double moves) {
  double efficiency = moves <= change || is_near_zero(moves) ? 1 : fabs(change / moves);
  double sc = efficiency * KAMA_SPREAD + KAMA_SLOWEST;
  sc *= sc;
  return (v - previous) * sc + previous;
}

/* kamaRun of kama.ts (first value at start + period). */
static Py_ssize_t kama_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t first = start + period;
  fill_nan(out, start, first);
  double moves = 0;
  for (Py_ssize_t i = start; i < first; i++) moves += fabs(x[i] - x[i + 1]);
  double value = x[first - 1];
  double trailing_value = x[start];
  value = kama_step(value, x[first], x[first] - trailing_value, moves);
  out[first] = value;
  Py_ssize_t i = first + 1;
  for (Py_ssize_t t = start + 1; i < n; i++, t++) {
    double v = x[i];
    if (v - v != 0) break;
    double trailing = x[t];
    moves -= fabs(trailing_value - trailing);
    moves += fabs(v - x[i - 1]);
    trailing_value = trailing;
    value = kama_step(value, v, v - trailing, moves);
    out[i] = value;
  }
  return i;
}

/* copyRun of wma.ts. */
static Py_ssize_t copy_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start) {
  Py_ssize_t i = start;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    out[i] = v;
  }
  return i;
}

/* wmaRun of wma.ts (period 1 copies the input, as TA-Lib does). */
static Py_ssize_t wma_kernel(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  if (period == 1) return copy_kernel(x, out, n, start);
  Py_ssize_t first = start + period - 1;
  double p = (double)period;
  double divider = (p * (p + 1)) / 2;
  fill_nan(out, start, first);
  double weighted = 0, plain = 0;
  for (Py_ssize_t i = start; i < first; i++) {
    plain += x[i];
    weighted += x[i] * (double)(i - start + 1);
  }
  double trailing = 0;
  Py_ssize_t i = first;
  for (Py_ssize_t t = start; i < n; i++, t++) {
    double v = x[i];
    if (v - v != 0) break;
    plain += v;
    plain -= trailing;
    weighted += v * p;
    trailing = x[t];
    out[i] = weighted / divider;
    weighted -= plain;
  }
  return i;
}

static PyObject *ema(PyObject *self, PyObject *args) { return walk_single(args, ema_kernel, 1, 0); }
static PyObject *dema(PyObject *self, PyObject *args) { return walk_single(args, dema_kernel, 2, 0); }
static PyObject *tema(PyObject *self, PyObject *args) { return walk_single(args, tema_kernel, 3, 0); }
static PyObject *trix(PyObject *self, PyObject *args) { return walk_single(args, trix_kernel, 3, 1); }
static PyObject *kama(PyObject *self, PyObject *args) { return walk_single(args, kama_kernel, 1, 1); }
static PyObject *wma(PyObject *self, PyObject *args) { return walk_single(args, wma_kernel, 1, 0); }

/* macdRun of macd.ts: the three lines from `start` to the first non-finite bar, which it returns. */
static Py_ssize_t macd_kernel(const double *x, double **lines, Py_ssize_t n, Py_ssize_t start, Py_ssize_t fast,
                              Py_ssize_t slow, Py_ssize_t signal) {
  double *line = lines[0], *signal_line = lines[1], *histogram = lines[2];
  Py_ssize_t slow_first = start + slow - 1;
  Py_ssize_t first = slow_first + signal - 1;
  double k_slow = smoothing(slow), k_fast = smoothing(fast), k_signal = smoothing(signal);
  /* Seeds (TA-Lib): the slow EMA's first value is the SMA of the first `slow` inputs, the fast EMA's the
     SMA of the `fast` inputs ending there, the signal's the SMA of the first `signal` macd values. */
  double slow_sum = 0;
  for (Py_ssize_t i = start; i <= slow_first; i++) slow_sum += x[i];
  double slow_value = slow_sum / (double)slow;
  double fast_sum = 0;
  for (Py_ssize_t i = slow_first - fast + 1; i <= slow_first; i++) fast_sum += x[i];
  double fast_value = fast_sum / (double)fast;
  double signal_sum = 0;
  signal_sum += fast_value - slow_value;
  for (Py_ssize_t i = slow_first + 1; i <= first; i++) {
    slow_value = (x[i] - slow_value) * k_slow + slow_value;
    fast_value = (x[i] - fast_value) * k_fast + fast_value;
    signal_sum += fast_value - slow_value;
  }
  double signal_value = signal_sum / (double)signal;
  fill_nan(line, start, first);
  fill_nan(signal_line, start, first);
  fill_nan(histogram, start, first);
  double first_macd = fast_value - slow_value;
  line[first] = first_macd;
  signal_line[first] = signal_value;
  histogram[first] = first_macd - signal_value;
  Py_ssize_t i = first + 1;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    slow_value = (v - slow_value) * k_slow + slow_value;
    fast_value = (v - fast_value) * k_fast + fast_value;
    double m = fast_value - slow_value;
    signal_value = (m - signal_value) * k_signal + signal_value;
    line[i] = m;
    signal_line[i] = signal_value;
    histogram[i] = m - signal_value;
  }
  return i;
}

/*
 * macd(x, line, signal_line, histogram, fast, slow, signal): macd.ts over every finite run. A fast period
 * longer than the slow one is swapped here too (as macd() does), so the fast seed never reads before a run.
 */
static PyObject *macd(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t fast, slow, signal;
  if (!PyArg_ParseTuple(args, "OOOOnnn", &objects[0], &objects[1], &objects[2], &objects[3], &fast, &slow, &signal))
    return NULL;
  Series s[4];
  if (check_period(fast) != 0 || check_period(slow) != 0 || check_period(signal) != 0 ||
      open_series(objects, s, 4, 3, 0, 0) != 0)
    return NULL;
  if (fast > slow) {
    Py_ssize_t swap = fast;
    fast = slow;
    slow = swap;
  }
  const double *x = s[0].data;
  double *lines[3] = {s[1].data, s[2].data, s[3].data};
  Py_ssize_t n = s[0].length;
  Py_ssize_t span = slow + signal - 1;
  Py_ssize_t start = start_of_run(&x, 1, lines, 3, n, 0, span);
  while (start < n) start = start_of_run(&x, 1, lines, 3, n, macd_kernel(x, lines, n, start, fast, slow, signal), span);
  close_series(s, 4);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"ema", ema, METH_VARARGS, "ema(x, out, period): EMA over every finite run (ema.ts)."},
  {"dema", dema, METH_VARARGS, "dema(x, out, period): DEMA over every finite run (ema-chain.ts)."},
  {"tema", tema, METH_VARARGS, "tema(x, out, period): TEMA over every finite run (ema-chain.ts)."},
  {"trix", trix, METH_VARARGS, "trix(x, out, period): TRIX over every finite run (ema-chain.ts)."},
  {"macd", macd, METH_VARARGS, "macd(x, line, signal_line, histogram, fast, slow, signal) (macd.ts)."},
  {"kama", kama, METH_VARARGS, "kama(x, out, period): KAMA over every finite run (kama.ts)."},
  {"wma", wma, METH_VARARGS, "wma(x, out, period): WMA over every finite run (wma.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "averages", "Native moving-average kernels (ema, ema-chain, macd, kama, wma).", -1, methods,
};

PyMODINIT_FUNC PyInit_averages(void) { return PyModule_Create(&module); }
