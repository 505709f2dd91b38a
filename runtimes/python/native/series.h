/*
 * Shared by every native kernel module: float64 buffers from Python objects, checked, and the range
 * of one finite run. A kernel here is a C copy of its TypeScript kernel (packages/indicators/src),
 * operation for operation, so its outputs equal TypeScript's bit for bit: build with
 * -ffp-contract=off (no fused multiply-add) and never -ffast-math (see scripts/build-native.mjs).
 *
 * Python passes numpy arrays and allocates the outputs; C checks every buffer's type, layout,
 * writability and length and the run's bounds before it touches memory, so a wrong call from Python
 * is a TypeError/ValueError, never a stray write.
 */
#ifndef STRATEX_SERIES_H
#define STRATEX_SERIES_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <string.h>

typedef struct {
  Py_buffer view;
  double *data;
  Py_ssize_t length;
  int held;
} Series;

/* A C-contiguous float64 buffer of `obj` (writable when asked); 0 on success, -1 with an exception set. */
static inline int series_get(PyObject *obj, Series *s, int writable, const char *name) {
  s->held = 0;
  int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
  if (PyObject_GetBuffer(obj, &s->view, flags) != 0) return -1;
  s->held = 1;
  if (s->view.itemsize != 8 || s->view.format == NULL || strcmp(s->view.format, "d") != 0 || s->view.ndim != 1) {
    PyErr_Format(PyExc_TypeError, "%s must be a 1-D float64 array", name);
    return -1;
  }
  s->data = (double *)s->view.buf;
  s->length = s->view.shape[0];
  return 0;
}

static inline void series_release(Series *s) {
  if (s->held) PyBuffer_Release(&s->view);
  s->held = 0;
}

/* Every series has length n and 0 <= start <= end <= n; 0 when so, else -1 with a ValueError. */
static inline int check_run(Series *series, int count, Py_ssize_t start, Py_ssize_t end) {
  Py_ssize_t n = series[0].length;
  for (int k = 1; k < count; k++) {
    if (series[k].length != n) {
      PyErr_SetString(PyExc_ValueError, "inputs and outputs must have the same length");
      return -1;
    }
  }
  if (start < 0 || end < start || end > n) {
    PyErr_SetString(PyExc_ValueError, "the run is not within the series");
    return -1;
  }
  return 0;
}

/*
 * A period in (0, MAX_PERIOD]: the bound keeps index sums such as start + 3 * period far from overflow
 * (undefined behaviour in C) whatever a caller passes; no series is that long anyway.
 */
#define MAX_PERIOD (PY_SSIZE_T_MAX / 16)

static inline int check_period(Py_ssize_t period) {
  if (period > 0 && period <= MAX_PERIOD) return 0;
  PyErr_SetString(PyExc_ValueError, "the period must be a positive integer within the series' range");
  return -1;
}

static inline void close_series(Series *series, int count) {
  for (int k = 0; k < count; k++) series_release(&series[k]);
}

/*
 * Opens `count` series from `objects`: the last `writable` of them are outputs (writable); checks that all
 * have one length and the run. 0, or -1 with an exception set and nothing held: a caller whose open
 * failed just returns NULL.
 */
static inline int open_series(PyObject **objects, Series *series, int count, int writable, Py_ssize_t start,
                              Py_ssize_t end) {
  for (int k = 0; k < count; k++) series[k].held = 0;
  int failed = 0;
  for (int k = 0; k < count && !failed; k++) {
    int output = k >= count - writable;
    failed = series_get(objects[k], &series[k], output, output ? "an output" : "an input") != 0;
  }
  if (!failed && check_run(series, count, start, end) == 0) return 0;
  close_series(series, count);
  return -1;
}

/* open_series over the whole series after checking `period` (pass 1 when the kernel has none). */
static inline int open_with_period(PyObject **objects, Series *series, int count, int writable, Py_ssize_t period) {
  return check_period(period) != 0 || open_series(objects, series, count, writable, 0, 0) != 0 ? -1 : 0;
}

/* near-zero.ts: TA-Lib's TA_IS_ZERO, |v| < 1e-14, the band its zero-denominator cases use. */
static inline int is_near_zero(double v) { return v > -1e-14 && v < 1e-14; }

/* Sets out[from, to) to NaN (warm-ups, gaps). */
static inline void fill_nan(double *out, Py_ssize_t from, Py_ssize_t to) {
  for (Py_ssize_t i = from; i < to; i++) out[i] = NAN;
}

/*
 * finite-runs.ts startOfRun: the first bar `start` at or after `from` where every input is finite on
 * [start, start + span), or n when no run that long remains; every output is NaN on [from, start).
 * A family that walks the finite runs itself calls it as the TS kernels do:
 *   start = start_of_run(…, 0, span); while (start < n) start = start_of_run(…, kernel_run(…, start), span);
 */
static inline Py_ssize_t start_of_run(const double *const *inputs, int input_count, double *const *outputs,
                                      int output_count, Py_ssize_t n, Py_ssize_t from, Py_ssize_t span) {
  Py_ssize_t start = from, i = from;
  while (i < n && i - start < span) {
    for (int k = 0; k < input_count; k++) {
      double v = inputs[k][i];
      if (v - v != 0) { /* v - v is 0 exactly when v is finite */
        start = i + 1;
        break;
      }
    }
    i++;
  }
  if (i - start < span) start = n;
  for (int k = 0; k < output_count; k++) fill_nan(outputs[k], from, start);
  return start;
}

/* A kernel over the finite run at `start` (its first `span` bars finite): returns the run's end. */
typedef Py_ssize_t (*RunKernel)(const double *x, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period);

/*
 * name(x, out, period): `kernel` over every finite run of x, whose first value needs
 * span = depth * (period - 1) + extra + 1 finite bars (periods are bounded, so no overflow).
 */
static inline PyObject *walk_single(PyObject *args, RunKernel kernel, Py_ssize_t depth, Py_ssize_t extra) {
  PyObject *objects[2];
  Py_ssize_t period;
  if (!PyArg_ParseTuple(args, "OOn", &objects[0], &objects[1], &period)) return NULL;
  Series s[2];
  if (open_with_period(objects, s, 2, 1, period) != 0) return NULL;
  const double *x = s[0].data;
  double *out = s[1].data;
  Py_ssize_t n = s[0].length;
  Py_ssize_t span = depth * (period - 1) + extra + 1;
  Py_ssize_t start = start_of_run(&x, 1, &out, 1, n, 0, span);
  while (start < n) start = start_of_run(&x, 1, &out, 1, n, kernel(x, out, n, start, period), span);
  close_series(s, 2);
  Py_RETURN_NONE;
}

#endif
