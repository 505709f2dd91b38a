/*
 * Running-sum kernels: C copies of packages/indicators/src/sma-kernel.ts (smaRun), stddev.ts (stddevRun)
 * and bollinger.ts (bollingerRun), with finite-runs.ts's startOfRun.
 *
 * Unlike cci.c, each call walks every finite run of the whole series in C, as the TS kernels do
 * (startOfRun, then the kernel until its first non-finite bar): these loops cost a few ns/bar, less than
 * Python's finite_runs pass over the input (isfinite, diff, flatnonzero), so the runs are found in the
 * kernel's own read of each bar. Every output entry of [0, n) is written (NaN in gaps and warm-ups).
 */
#include "series.h"

/* TA-Lib's TA_IS_ZERO_OR_NEG threshold (stddev.ts, bollinger.ts): a variance below it is 0. */
static const double VARIANCE_EPSILON = 1e-14;

/* sma-kernel.ts smaRun: writes out from `start` to the first non-finite bar, returns that bar (or n). */
static Py_ssize_t sma_run(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t warm = start + period - 1;
  fill_nan(out, start, warm);
  double sum = 0;
  double divisor = (double)period;
  Py_ssize_t i = start;
  while (i < warm) sum += x[i++];
  Py_ssize_t trailing = start;
  for (; i < n; i++) {
    double v = x[i];
    if (v - v != 0) break;
    sum += v;
    double total = sum;
    sum -= x[trailing++];
    out[i] = total / divisor;
  }
  return i;
}

/* stddev.ts stddevRun: Σx²/n - (Σx/n)², two divisions as in TS. */
static Py_ssize_t stddev_run(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period) {
  Py_ssize_t first = start + period - 1;
  fill_nan(out, start, first);
  double sum = 0, sum_squares = 0;
  double divisor = (double)period;
  for (Py_ssize_t i = start; i < first; i++) {
    double v = x[i];
    sum += v;
    sum_squares += v * v;
  }
  Py_ssize_t i = first;
  for (Py_ssize_t t = start; i < n; i++, t++) {
    double v = x[i];
    if (v - v != 0) break;
    sum += v;
    sum_squares += v * v;
    double mean = sum / divisor;
    double variance = sum_squares / divisor - mean * mean;
    double old = x[t];
    sum -= old;
    sum_squares -= old * old;
    out[i] = variance < VARIANCE_EPSILON ? 0 : sqrt(variance);
  }
  return i;
}

/* bollinger.ts bollingerRun: Σx² × (1/n) but mean = Σx / n (so the middle band equals sma to the bit). */
static Py_ssize_t bollinger_run(const double *x, double *upper, double *middle, double *lower, Py_ssize_t n,
                                Py_ssize_t start, Py_ssize_t period, double deviations) {
  Py_ssize_t first = start + period - 1;
  fill_nan(upper, start, first);
  fill_nan(middle, start, first);
  fill_nan(lower, start, first);
  double sum = 0, sum_squares = 0;
  double divisor = (double)period;
  for (Py_ssize_t i = start; i < first; i++) {
    double v = x[i];
    sum += v;
    sum_squares += v * v;
  }
  double reciprocal = 1 / divisor;
  Py_ssize_t i = first;
  for (Py_ssize_t t = start; i < n; i++, t++) {
    double v = x[i];
    if (v - v != 0) break;
    sum += v;
    sum_squares += v * v;
    double mean = sum / divisor;
    double variance = sum_squares * reciprocal - mean * mean;
    double old = x[t];
    sum -= old;
    sum_squares -= old * old;
    double width = variance < VARIANCE_EPSILON ? 0 : sqrt(variance) * deviations;
    upper[i] = mean + width;
    middle[i] = mean;
    lower[i] = mean - width;
  }
  return i;
}

/* sma(x, out, period): SMA of every finite run of x into out (all of out written). */
static PyObject *sma(PyObject *self, PyObject *args) { return walk_single(args, sma_run, 1, 0); }

/* stddev(x, out, period): population standard deviation of every finite run of x into out. */
static PyObject *stddev(PyObject *self, PyObject *args) { return walk_single(args, stddev_run, 1, 0); }

/* bollinger(x, upper, middle, lower, period, deviations): the three bands of every finite run of x. */
static PyObject *bollinger(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t period;
  double deviations;
  if (!PyArg_ParseTuple(args, "OOOOnd", &objects[0], &objects[1], &objects[2], &objects[3], &period, &deviations))
    return NULL;
  if (!(isfinite(deviations) && deviations > 0)) {
    PyErr_SetString(PyExc_ValueError, "deviations must be a positive number");
    return NULL;
  }
  Series s[4];
  if (open_with_period(objects, s, 4, 3, period) != 0) return NULL;
  const double *x = s[0].data;
  double *bands[3] = {s[1].data, s[2].data, s[3].data};
  Py_ssize_t n = s[0].length;
  Py_ssize_t start = start_of_run(&x, 1, bands, 3, n, 0, period);
  while (start < n) {
    Py_ssize_t end = bollinger_run(x, bands[0], bands[1], bands[2], n, start, period, deviations);
    start = start_of_run(&x, 1, bands, 3, n, end, period);
  }
  close_series(s, 4);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"sma", sma, METH_VARARGS, "SMA over every finite run (sma-kernel.ts smaRun)."},
  {"stddev", stddev, METH_VARARGS, "Population standard deviation over every finite run (stddev.ts)."},
  {"bollinger", bollinger, METH_VARARGS, "Bollinger bands over every finite run (bollinger.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "variance", "Native running-sum kernels (sma, stddev, bollinger).", -1, methods,
};

PyMODINIT_FUNC PyInit_variance(void) { return PyModule_Create(&module); }
