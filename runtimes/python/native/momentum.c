/*
 * Momentum and volume kernels: C copies of packages/indicators/src/rsi-kernel.ts (rsiRun),
 * change.ts (momRun, rocRun), obv.ts (obvRun), mfi.ts (mfiRun) and vwap.ts (vwapRun, dailyVwapRun),
 * with finite-runs.ts's startOfRun (series.h).
 *
 * As in variance.c, each call walks every finite run of the whole series in C, as the TS kernels do
 * (startOfRun, then the kernel until its first non-finite bar): Python's finite_runs pass cost 4-5 ns/bar
 * (100k bars), more than these kernels. Every output entry of [0, n) is written (NaN in gaps and warm-ups).
 */
#include "series.h"

static const double DAY_MS = 86400000;  /* vwap.ts: one UTC day in ms */

static double rsi_ratio(double gain, double loss) {
  double total = gain + loss;
  return is_near_zero(total) ? 0 : 100 * (gain / total);
}

/* rsi-kernel.ts rsiRun: bars [start, start + period] are finite; returns the first non-finite bar, or n. */
static Py_ssize_t rsi_run(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  double gain = 0, loss = 0;
  double prev = x[start];
  Py_ssize_t i = start + 1;
  for (; i <= start + period; i++) {
    double move = x[i] - prev;
    prev = x[i];
    if (move < 0)
      loss -= move;
    else
      gain += move;
  }
  fill_nan(out, start, start + period);
  double divisor = (double)period;
  gain /= divisor;
  loss /= divisor;
  out[start + period] = rsi_ratio(gain, loss);
  /* Multiplicative Wilder smoothing and a branch-free split of the move, as rsi-kernel.ts (which says why). */
  double keep = (divisor - 1) / divisor;
  double half = 0.5 / divisor;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    double move = v - prev;
    prev = v;
    double size = fabs(move);
    gain = gain * keep + (size + move) * half;
    loss = loss * keep + (size - move) * half;
    out[i] = rsi_ratio(gain, loss);
  }
  return i;
}

/* change.ts momRun: x - x[-period]. */
static Py_ssize_t mom_run(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  fill_nan(out, start, start + period);
  Py_ssize_t i = start + period;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    out[i] = v - x[i - period];
  }
  return i;
}

/* change.ts rocRun: (x / x[-period] - 1) * 100, 0 when x[-period] is 0 (TA-Lib). */
static Py_ssize_t roc_run(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  fill_nan(out, start, start + period);
  Py_ssize_t i = start + period;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    double before = x[i - period];
    out[i] = before != 0 ? (v / before - 1) * 100 : 0;
  }
  return i;
}

/* rsi(x, out, period): RSI of every finite run of x into out (all of out written). */
static PyObject *rsi(PyObject *self, PyObject *args) { return walk_single(args, rsi_run, 1, 1); }

/* mom(x, out, period): momentum of every finite run of x into out. */
static PyObject *mom(PyObject *self, PyObject *args) { return walk_single(args, mom_run, 1, 1); }

/* roc(x, out, period): rate of change of every finite run of x into out. */
static PyObject *roc(PyObject *self, PyObject *args) { return walk_single(args, roc_run, 1, 1); }

/* obv.ts obvRun: a running total of volume, from the run's first bar's volume. */
static Py_ssize_t obv_run(const double *c, const double *v, double *out, Py_ssize_t n, Py_ssize_t start) {
  double total = v[start];
  out[start] = total;
  Py_ssize_t i = start + 1;
  for (; i < n; i++) {
    double volume = v[i], close = c[i];
    if (volume - volume != 0 || close - close != 0) break;
    double previous = c[i - 1];
    /* As obv.ts, -0 is added on an unchanged close (it changes no number, signed zeros included), chosen
     * by selects, not if/else: rises and falls come at random, and the branches mispredicted (if/else
     * 7.9 ns/bar, selects 2.8, medians of 30 alternating rounds, 100k-bar random walk). */
    double change = close < previous ? -volume : -0.0;
    total += close > previous ? volume : change;
    out[i] = total;
  }
  return i;
}

/* obv(close, volume, out): OBV of every finite run into out. */
static PyObject *obv(PyObject *self, PyObject *args) {
  PyObject *objects[3];
  if (!PyArg_ParseTuple(args, "OOO", &objects[0], &objects[1], &objects[2])) return NULL;
  Series s[3];
  if (open_with_period(objects, s, 3, 1, 1) != 0) return NULL;
  const double *inputs[2] = {s[0].data, s[1].data};
  double *out = s[2].data;
  Py_ssize_t n = s[0].length;
  Py_ssize_t start = start_of_run(inputs, 2, &out, 1, n, 0, 1);
  while (start < n) start = start_of_run(inputs, 2, &out, 1, n, obv_run(inputs[0], inputs[1], out, n, start), 1);
  close_series(s, 3);
  Py_RETURN_NONE;
}

/* High, low, close and volume, the inputs of mfi and vwap. */
typedef struct {
  const double *h, *l, *c, *v;
} Bars;

static int finite4(const Bars *b, Py_ssize_t i) {
  double h = b->h[i], l = b->l[i], c = b->c[i], v = b->v[i];
  return h - h == 0 && l - l == 0 && c - c == 0 && v - v == 0;
}

/* mfi.ts mfiRun, with rings `positive` and `negative` of `period` flows; bars [start, start + period] are finite. */
static Py_ssize_t mfi_run(const Bars *b, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period,
                          double *positive, double *negative) {
  const double *h = b->h, *l = b->l, *c = b->c, *v = b->v;
  fill_nan(out, start, start + period);
  double pos_sum = 0, neg_sum = 0;
  double prev_tp = (h[start] + l[start] + c[start]) / 3;
  Py_ssize_t slot = 0;
  Py_ssize_t i = start + 1;
  for (; i < n; i++) {
    if (!finite4(b, i)) break;
    if (i > start + period) {
      pos_sum -= positive[slot];
      neg_sum -= negative[slot];
    }
    double tp = (h[i] + l[i] + c[i]) / 3;
    double flow = tp * v[i];
    positive[slot] = tp > prev_tp ? flow : 0;
    negative[slot] = tp < prev_tp ? flow : 0;
    pos_sum += positive[slot];
    neg_sum += negative[slot];
    prev_tp = tp;
    slot = slot + 1 == period ? 0 : slot + 1;
    if (i < start + period) continue;
    double total = pos_sum + neg_sum;
    out[i] = total < 1 ? 0 : 100 * (pos_sum / total);
  }
  return i;
}

/* mfi(high, low, close, volume, out, period): money flow index of every finite run into out. */
static PyObject *mfi(PyObject *self, PyObject *args) {
  PyObject *objects[5];
  Py_ssize_t period;
  if (!PyArg_ParseTuple(args, "OOOOOn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4], &period))
    return NULL;
  Series s[5];
  if (open_with_period(objects, s, 5, 1, period) != 0) return NULL;
  Py_ssize_t n = s[0].length;
  /* The rings, O(period). No run exists when period >= n: then 1 slot each, never used. */
  Py_ssize_t ring = period < n ? period : 1;
  double *rings = PyMem_Calloc(2 * (size_t)ring, sizeof(double));
  if (rings == NULL) {
    close_series(s, 5);
    return PyErr_NoMemory();
  }
  const double *inputs[4] = {s[0].data, s[1].data, s[2].data, s[3].data};
  Bars bars = {inputs[0], inputs[1], inputs[2], inputs[3]};
  double *out = s[4].data;
  Py_ssize_t start = start_of_run(inputs, 4, &out, 1, n, 0, period + 1);
  while (start < n) {
    Py_ssize_t end = mfi_run(&bars, out, n, start, period, rings, rings + ring);
    start = start_of_run(inputs, 4, &out, 1, n, end, period + 1);
  }
  PyMem_Free(rings);
  close_series(s, 5);
  Py_RETURN_NONE;
}

/* vwap.ts vwapRun: one session over the run. */
static Py_ssize_t vwap_run(const Bars *b, double *out, Py_ssize_t n, Py_ssize_t start) {
  const double *h = b->h, *l = b->l, *c = b->c, *v = b->v;
  double price_volume = 0, total_volume = 0;
  Py_ssize_t i = start;
  for (; i < n; i++) {
    if (!finite4(b, i)) break;
    price_volume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    total_volume += v[i];
    out[i] = total_volume == 0 ? NAN : price_volume / total_volume;
  }
  return i;
}

/* vwap.ts dailyVwapRun: the sums restart at each UTC day of t (ms). */
static Py_ssize_t daily_vwap_run(const Bars *b, const double *t, double *out, Py_ssize_t n, Py_ssize_t start) {
  const double *h = b->h, *l = b->l, *c = b->c, *v = b->v;
  double price_volume = 0, total_volume = 0;
  double day = floor(t[start] / DAY_MS);
  Py_ssize_t i = start;
  for (; i < n; i++) {
    double time = t[i];
    if (!finite4(b, i) || time - time != 0) break;
    double bar_day = floor(time / DAY_MS);
    if (bar_day != day) {
      day = bar_day;
      price_volume = 0;
      total_volume = 0;
    }
    price_volume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    total_volume += v[i];
    out[i] = total_volume == 0 ? NAN : price_volume / total_volume;
  }
  return i;
}

/* vwap(high, low, close, volume, out): one session per finite run into out. */
static PyObject *vwap(PyObject *self, PyObject *args) {
  PyObject *objects[5];
  if (!PyArg_ParseTuple(args, "OOOOO", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4])) return NULL;
  Series s[5];
  if (open_with_period(objects, s, 5, 1, 1) != 0) return NULL;
  Py_ssize_t n = s[0].length;
  const double *inputs[4] = {s[0].data, s[1].data, s[2].data, s[3].data};
  Bars bars = {inputs[0], inputs[1], inputs[2], inputs[3]};
  double *out = s[4].data;
  Py_ssize_t start = start_of_run(inputs, 4, &out, 1, n, 0, 1);
  while (start < n) start = start_of_run(inputs, 4, &out, 1, n, vwap_run(&bars, out, n, start), 1);
  close_series(s, 5);
  Py_RETURN_NONE;
}

/* daily_vwap(high, low, close, volume, time, out): sessions of one UTC day, per finite run, into out. */
static PyObject *daily_vwap(PyObject *self, PyObject *args) {
  PyObject *objects[6];
  if (!PyArg_ParseTuple(args, "OOOOOO", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4],
                        &objects[5]))
    return NULL;
  Series s[6];
  if (open_with_period(objects, s, 6, 1, 1) != 0) return NULL;
  Py_ssize_t n = s[0].length;
  const double *inputs[5] = {s[0].data, s[1].data, s[2].data, s[3].data, s[4].data};
  Bars bars = {inputs[0], inputs[1], inputs[2], inputs[3]};
  double *out = s[5].data;
  Py_ssize_t start = start_of_run(inputs, 5, &out, 1, n, 0, 1);
  while (start < n) start = start_of_run(inputs, 5, &out, 1, n, daily_vwap_run(&bars, inputs[4], out, n, start), 1);
  close_series(s, 6);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"rsi", rsi, METH_VARARGS, "RSI over every finite run (rsi-kernel.ts)."},
  {"mom", mom, METH_VARARGS, "Momentum over every finite run (change.ts)."},
  {"roc", roc, METH_VARARGS, "Rate of change over every finite run (change.ts)."},
  {"obv", obv, METH_VARARGS, "On-balance volume over every finite run (obv.ts)."},
  {"mfi", mfi, METH_VARARGS, "Money flow index over every finite run (mfi.ts)."},
  {"vwap", vwap, METH_VARARGS, "VWAP, one session per finite run (vwap.ts)."},
  {"daily_vwap", daily_vwap, METH_VARARGS, "VWAP restarting each UTC day, per finite run (vwap.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "momentum", "Native RSI, MOM, ROC, OBV, MFI and VWAP kernels.", -1, methods,
};

PyMODINIT_FUNC PyInit_momentum(void) { return PyModule_Create(&module); }
