/*
 * Momentum and volume kernels: C copies of packages/indicators/src/rsi-kernel.ts (rsiRun),
 * change.ts (momRun, rocRun), obv.ts (obvRun), mfi.ts (mfiRun) and vwap.ts (vwapRun, dailyVwapRun).
 *
 * Each function computes one finite run [start, end) that Python found with finite_runs, and writes
 * every output entry of it, warm-up NaNs included (a run too short for a value is all NaN).
 */
#include "series.h"

static const double TA_EPSILON = 1e-14; /* near-zero.ts: TA-Lib's TA_IS_ZERO band */
static const double DAY_MS = 86400000;  /* vwap.ts: one UTC day in ms */

static void fill_nan(double *out, Py_ssize_t from, Py_ssize_t to) {
  for (Py_ssize_t i = from; i < to; i++) out[i] = NAN;
}

/* Opens the run's series (the last one the output); 0, or -1 with an exception set and every buffer released. */
static int open_run(PyObject **objects, Series *s, int count, Py_ssize_t start, Py_ssize_t end) {
  if (open_series(objects, s, count, 1, start, end) == 0) return 0;
  close_series(s, count);
  return -1;
}

static double rsi_ratio(double gain, double loss) {
  double total = gain + loss;
  return total > -TA_EPSILON && total < TA_EPSILON ? 0 : 100 * (gain / total);
}

/* rsi_run(x, out, start, end, period): RSI of one finite run (rsi-kernel.ts rsiRun). */
static PyObject *rsi_run(PyObject *self, PyObject *args) {
  PyObject *objects[2];
  Py_ssize_t start, end, period;
  if (!PyArg_ParseTuple(args, "OOnnn", &objects[0], &objects[1], &start, &end, &period)) return NULL;
  Series s[2] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (check_period(period) != 0 || open_run(objects, s, 2, start, end) != 0) return NULL;
  const double *x = s[0].data;
  double *out = s[1].data;
  if (end - start <= period) {
    fill_nan(out, start, end);
    close_series(s, 2);
    Py_RETURN_NONE;
  }
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
  double p = (double)period;
  gain /= p;
  loss /= p;
  out[start + period] = rsi_ratio(gain, loss);
  /* Multiplicative Wilder smoothing, as rsi-kernel.ts (its comment says why). */
  double keep = (p - 1) / p;
  double half = 0.5 / p;
  for (; i < end; i++) {
    double v = x[i];
    double move = v - prev;
    prev = v;
    double size = fabs(move);
    gain = gain * keep + (size + move) * half;
    loss = loss * keep + (size - move) * half;
    out[i] = rsi_ratio(gain, loss);
  }
  close_series(s, 2);
  Py_RETURN_NONE;
}

/* mom_run(x, out, start, end, period): x - x[-period] over one finite run (change.ts momRun). */
static PyObject *mom_run(PyObject *self, PyObject *args) {
  PyObject *objects[2];
  Py_ssize_t start, end, period;
  if (!PyArg_ParseTuple(args, "OOnnn", &objects[0], &objects[1], &start, &end, &period)) return NULL;
  Series s[2] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (check_period(period) != 0 || open_run(objects, s, 2, start, end) != 0) return NULL;
  const double *x = s[0].data;
  double *out = s[1].data;
  Py_ssize_t first = end - start > period ? start + period : end;
  fill_nan(out, start, first);
  for (Py_ssize_t i = first; i < end; i++) out[i] = x[i] - x[i - period];
  close_series(s, 2);
  Py_RETURN_NONE;
}

/* roc_run(x, out, start, end, period): (x / x[-period] - 1) * 100, 0 when x[-period] is 0 (change.ts rocRun). */
static PyObject *roc_run(PyObject *self, PyObject *args) {
  PyObject *objects[2];
  Py_ssize_t start, end, period;
  if (!PyArg_ParseTuple(args, "OOnnn", &objects[0], &objects[1], &start, &end, &period)) return NULL;
  Series s[2] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (check_period(period) != 0 || open_run(objects, s, 2, start, end) != 0) return NULL;
  const double *x = s[0].data;
  double *out = s[1].data;
  Py_ssize_t first = end - start > period ? start + period : end;
  fill_nan(out, start, first);
  for (Py_ssize_t i = first; i < end; i++) {
    double before = x[i - period];
    out[i] = before != 0 ? (x[i] / before - 1) * 100 : 0;
  }
  close_series(s, 2);
  Py_RETURN_NONE;
}

/* obv_run(close, volume, out, start, end): on-balance volume of one finite run (obv.ts obvRun). */
static PyObject *obv_run(PyObject *self, PyObject *args) {
  PyObject *objects[3];
  Py_ssize_t start, end;
  if (!PyArg_ParseTuple(args, "OOOnn", &objects[0], &objects[1], &objects[2], &start, &end)) return NULL;
  Series s[3] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (open_run(objects, s, 3, start, end) != 0) return NULL;
  const double *c = s[0].data, *v = s[1].data;
  double *out = s[2].data;
  if (start < end) {
    /* obv.ts adds -0 on an unchanged close, which changes no number (signed zeros included): skipped here. */
    double total = v[start];
    out[start] = total;
    for (Py_ssize_t i = start + 1; i < end; i++) {
      if (c[i] > c[i - 1])
        total += v[i];
      else if (c[i] < c[i - 1])
        total -= v[i];
      out[i] = total;
    }
  }
  close_series(s, 3);
  Py_RETURN_NONE;
}

/* The MFI of one run of length > period, with rings `positive` and `negative` of `period` flows. */
static void mfi_of_run(const double *h, const double *l, const double *c, const double *v, double *out,
                       Py_ssize_t start, Py_ssize_t end, Py_ssize_t period, double *positive, double *negative) {
  fill_nan(out, start, start + period);
  double pos_sum = 0, neg_sum = 0;
  double prev_tp = (h[start] + l[start] + c[start]) / 3;
  Py_ssize_t slot = 0;
  for (Py_ssize_t i = start + 1; i < end; i++) {
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
}

/* mfi_run(high, low, close, volume, out, start, end, period): money flow index of one finite run (mfi.ts). */
static PyObject *mfi_run(PyObject *self, PyObject *args) {
  PyObject *objects[5];
  Py_ssize_t start, end, period;
  if (!PyArg_ParseTuple(args, "OOOOOnnn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4], &start,
                        &end, &period))
    return NULL;
  Series s[5] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (check_period(period) != 0 || open_run(objects, s, 5, start, end) != 0) return NULL;
  double *out = s[4].data;
  if (end - start <= period) {
    fill_nan(out, start, end);
    close_series(s, 5);
    Py_RETURN_NONE;
  }
  /* Here period < end - start <= the series' length, so 2 * period doubles cannot overflow size_t. */
  double *rings = PyMem_Calloc(2 * (size_t)period, sizeof(double));
  if (rings == NULL) {
    close_series(s, 5);
    return PyErr_NoMemory();
  }
  mfi_of_run(s[0].data, s[1].data, s[2].data, s[3].data, out, start, end, period, rings, rings + period);
  PyMem_Free(rings);
  close_series(s, 5);
  Py_RETURN_NONE;
}

/* vwap_run(high, low, close, volume, out, start, end): one session over one finite run (vwap.ts vwapRun). */
static PyObject *vwap_run(PyObject *self, PyObject *args) {
  PyObject *objects[5];
  Py_ssize_t start, end;
  if (!PyArg_ParseTuple(args, "OOOOOnn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4], &start,
                        &end))
    return NULL;
  Series s[5] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (open_run(objects, s, 5, start, end) != 0) return NULL;
  const double *h = s[0].data, *l = s[1].data, *c = s[2].data, *v = s[3].data;
  double *out = s[4].data;
  double price_volume = 0, total_volume = 0;
  for (Py_ssize_t i = start; i < end; i++) {
    price_volume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    total_volume += v[i];
    out[i] = total_volume == 0 ? NAN : price_volume / total_volume;
  }
  close_series(s, 5);
  Py_RETURN_NONE;
}

/* daily_vwap_run(high, low, close, volume, time, out, start, end): sums restart each UTC day (vwap.ts dailyVwapRun). */
static PyObject *daily_vwap_run(PyObject *self, PyObject *args) {
  PyObject *objects[6];
  Py_ssize_t start, end;
  if (!PyArg_ParseTuple(args, "OOOOOOnn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4],
                        &objects[5], &start, &end))
    return NULL;
  Series s[6] = {{{0}}}; /* held = 0: close_series is safe whichever check fails first */
  if (open_run(objects, s, 6, start, end) != 0) return NULL;
  const double *h = s[0].data, *l = s[1].data, *c = s[2].data, *v = s[3].data, *t = s[4].data;
  double *out = s[5].data;
  double price_volume = 0, total_volume = 0;
  double day = start < end ? floor(t[start] / DAY_MS) : 0;
  for (Py_ssize_t i = start; i < end; i++) {
    double bar_day = floor(t[i] / DAY_MS);
    if (bar_day != day) {
      day = bar_day;
      price_volume = 0;
      total_volume = 0;
    }
    price_volume += ((h[i] + l[i] + c[i]) / 3) * v[i];
    total_volume += v[i];
    out[i] = total_volume == 0 ? NAN : price_volume / total_volume;
  }
  close_series(s, 6);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"rsi_run", rsi_run, METH_VARARGS, "RSI over one finite run (rsi-kernel.ts)."},
  {"mom_run", mom_run, METH_VARARGS, "Momentum over one finite run (change.ts)."},
  {"roc_run", roc_run, METH_VARARGS, "Rate of change over one finite run (change.ts)."},
  {"obv_run", obv_run, METH_VARARGS, "On-balance volume over one finite run (obv.ts)."},
  {"mfi_run", mfi_run, METH_VARARGS, "Money flow index over one finite run (mfi.ts)."},
  {"vwap_run", vwap_run, METH_VARARGS, "VWAP, one session, over one finite run (vwap.ts)."},
  {"daily_vwap_run", daily_vwap_run, METH_VARARGS, "VWAP restarting each UTC day over one finite run (vwap.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "momentum", "Native RSI, MOM, ROC, OBV, MFI and VWAP kernels.", -1, methods,
};

PyMODINIT_FUNC PyInit_momentum(void) { return PyModule_Create(&module); }
