/*
 * The true-range family: C copies of packages/indicators/src/atr.ts (ATR, NATR), directional.ts
 * (+DI, -DI, ADX), sar.ts (SAR) and ultosc.ts (ULTOSC), with true-range.ts and near-zero.ts inlined.
 * Each *_run function computes one finite run [start, end) of the output, writing every entry of it
 * (NaN during the warm-up), as the TypeScript run functions do; Python finds the runs.
 */
#include "series.h"

/* true-range.ts: max(high - low, |prevClose - high|, |prevClose - low|) in TA-Lib's order. */
static inline double true_range_at(const double *h, const double *l, const double *c, Py_ssize_t i) {
  double prev_close = c[i - 1];
  double range = h[i] - l[i];
  double up = fabs(prev_close - h[i]);
  if (up > range) range = up;
  double down = fabs(prev_close - l[i]);
  if (down > range) range = down;
  return range;
}

/* Math.max / Math.min of finite numbers: of +0 and -0, max is +0 and min is -0 (fmax/fmin need not be). */
static inline double js_max(double a, double b) {
  if (a > b) return a;
  if (b > a) return b;
  return signbit(a) ? b : a;
}

static inline double js_min(double a, double b) {
  if (a < b) return a;
  if (b < a) return b;
  return signbit(a) ? a : b;
}

/* ---- atr.ts ---------------------------------------------------------------------------------- */

static inline double percent_of_close(double value, double close) {
  return is_near_zero(close) ? 0 : (value / close) * 100;
}

/* atr_run(high, low, close, out, start, end, period, normalise): ATR (NATR when normalise) of one run. */
static PyObject *atr_run(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t start, end, period;
  int normalise;
  if (!PyArg_ParseTuple(args, "OOOOnnnp", &objects[0], &objects[1], &objects[2], &objects[3], &start, &end, &period,
                        &normalise))
    return NULL;
  if (check_period(period) != 0) return NULL;
  Series s[4];
  if (open_series(objects, s, 4, 1, start, end) != 0) return NULL;
  const double *h = s[0].data, *l = s[1].data, *c = s[2].data;
  double *out = s[3].data;
  if (end - start <= period) {
    fill_nan(out, start, end);
  } else {
    Py_ssize_t first = start + period;
    double sum = 0;
    for (Py_ssize_t i = start + 1; i <= first; i++) sum += true_range_at(h, l, c, i);
    double value = sum / (double)period;
    fill_nan(out, start, first);
    out[first] = normalise ? percent_of_close(value, c[first]) : value;
    for (Py_ssize_t i = first + 1; i < end; i++) {
      value = (value * (double)(period - 1) + true_range_at(h, l, c, i)) / (double)period;
      out[i] = normalise ? percent_of_close(value, c[i]) : value;
    }
  }
  close_series(s, 4);
  Py_RETURN_NONE;
}

/* ---- directional.ts ---------------------------------------------------------------------------- */

enum { WANT_PLUS = 0, WANT_MINUS = 1, WANT_ADX = 2 };

static void directional(const double *h, const double *l, const double *c, double *out, Py_ssize_t start,
                        Py_ssize_t end, Py_ssize_t period, int want) {
  Py_ssize_t first_adx = start + 2 * period - 1;
  Py_ssize_t warm_end = want == WANT_ADX ? first_adx : start + period;
  fill_nan(out, start, warm_end < end ? warm_end : end);
  if (end - start <= period) return;
  const double p = (double)period;
  double plus_dm = 0, minus_dm = 0, tr = 0;
  Py_ssize_t i = start + 1;
  for (; i < start + period; i++) {
    double up = h[i] - h[i - 1];
    double down = l[i - 1] - l[i];
    if (down > 0 && up < down) minus_dm += down;
    else if (up > 0 && up > down) plus_dm += up;
    tr += true_range_at(h, l, c, i);
  }
  double sum_dx = 0, adx_value = 0;
  for (; i < end; i++) {
    double up = h[i] - h[i - 1];
    double down = l[i - 1] - l[i];
    plus_dm -= plus_dm / p;
    minus_dm -= minus_dm / p;
    if (down > 0 && up < down) minus_dm += down;
    else if (up > 0 && up > down) plus_dm += up;
    tr = tr - tr / p + true_range_at(h, l, c, i);
    int zero_range = is_near_zero(tr);
    double plus = zero_range ? 0 : 100 * (plus_dm / tr);
    double minus = zero_range ? 0 : 100 * (minus_dm / tr);
    if (want != WANT_ADX) {
      out[i] = want == WANT_PLUS ? plus : minus;
      continue;
    }
    double sum = minus + plus;
    double dx = zero_range || is_near_zero(sum) ? NAN : 100 * (fabs(minus - plus) / sum);
    if (i <= first_adx) {
      /* The first ADX is the plain mean of the first `period` DX values, an undefined DX counting as 0. */
      if (!isnan(dx)) sum_dx += dx;
      if (i == first_adx) {
        adx_value = sum_dx / p;
        out[i] = adx_value;
      }
      continue;
    }
    /* Wilder's smoothing; a bar without a DX leaves the ADX unchanged. */
    if (!isnan(dx)) adx_value = (adx_value * (double)(period - 1) + dx) / p;
    out[i] = adx_value;
  }
}

/* directional_run(high, low, close, out, start, end, period, want): want 0 = +DI, 1 = -DI, 2 = ADX. */
static PyObject *directional_run(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t start, end, period;
  int want;
  if (!PyArg_ParseTuple(args, "OOOOnnni", &objects[0], &objects[1], &objects[2], &objects[3], &start, &end, &period,
                        &want))
    return NULL;
  if (want != WANT_PLUS && want != WANT_MINUS && want != WANT_ADX) {
    PyErr_SetString(PyExc_ValueError, "want must be 0 (+DI), 1 (-DI) or 2 (ADX)");
    return NULL;
  }
  if (check_period(period) != 0) return NULL;
  Series s[4];
  if (open_series(objects, s, 4, 1, start, end) != 0) return NULL;
  directional(s[0].data, s[1].data, s[2].data, s[3].data, start, end, period, want);
  close_series(s, 4);
  Py_RETURN_NONE;
}

/* ---- sar.ts -------------------------------------------------------------------------------------- */

static void parabolic(const double *h, const double *l, double *out, Py_ssize_t start, Py_ssize_t end, double step,
                      double maximum) {
  out[start] = NAN;
  if (end - start < 2) return;
  Py_ssize_t first = start + 1;
  double up = h[first] - h[start];
  double down = l[start] - l[first];
  int is_long = !(down > 0 && up < down);
  double ep = is_long ? h[first] : l[first];
  double stop = is_long ? l[start] : h[start];
  double af = step;
  /* Bar `first` is compared with itself as "yesterday", as TA-Lib does. */
  for (Py_ssize_t i = first; i < end; i++) {
    double prev_high = i == first ? h[first] : h[i - 1];
    double prev_low = i == first ? l[first] : l[i - 1];
    if (is_long) {
      if (l[i] <= stop) {
        is_long = 0;
        stop = js_max(js_max(ep, prev_high), h[i]);
        out[i] = stop;
        af = step;
        ep = l[i];
        stop = js_max(js_max(stop + af * (ep - stop), prev_high), h[i]);
        continue;
      }
      out[i] = stop;
      if (h[i] > ep) {
        ep = h[i];
        af = js_min(af + step, maximum);
      }
      stop = js_min(js_min(stop + af * (ep - stop), prev_low), l[i]);
    } else {
      if (h[i] >= stop) {
        is_long = 1;
        stop = js_min(js_min(ep, prev_low), l[i]);
        out[i] = stop;
        af = step;
        ep = h[i];
        stop = js_min(js_min(stop + af * (ep - stop), prev_low), l[i]);
        continue;
      }
      out[i] = stop;
      if (l[i] < ep) {
        ep = l[i];
        af = js_min(af + step, maximum);
      }
      stop = js_max(js_max(stop + af * (ep - stop), prev_high), h[i]);
    }
  }
}

/* sar_run(high, low, out, start, end, step, maximum): step = min(acceleration, maximum), both positive. */
static PyObject *sar_run(PyObject *self, PyObject *args) {
  PyObject *objects[3];
  Py_ssize_t start, end;
  double step, maximum;
  if (!PyArg_ParseTuple(args, "OOOnndd", &objects[0], &objects[1], &objects[2], &start, &end, &step, &maximum))
    return NULL;
  if (!(isfinite(step) && step > 0 && isfinite(maximum) && maximum > 0)) {
    PyErr_SetString(PyExc_ValueError, "the acceleration and maximum must be positive numbers");
    return NULL;
  }
  Series s[3];
  if (open_series(objects, s, 3, 1, start, end) != 0) return NULL;
  if (end > start) parabolic(s[0].data, s[1].data, s[2].data, start, end, step, maximum);
  close_series(s, 3);
  Py_RETURN_NONE;
}

/* ---- ultosc.ts ---------------------------------------------------------------------------------- */

/* Sum of the ring's entries for bars [from, to), oldest first (ultosc.ts ringSum). */
static double ring_sum(const double *ring, Py_ssize_t size, Py_ssize_t from, Py_ssize_t to) {
  double sum = 0;
  for (Py_ssize_t i = from; i < to; i++) sum += ring[i % size];
  return sum;
}

static inline Py_ssize_t next_slot(Py_ssize_t slot, Py_ssize_t size) { return slot + 1 == size ? 0 : slot + 1; }

/* One run longer than p3 bars; pressure and range are rings of p3 entries (p1 <= p2 <= p3). */
static void ultimate(const double *h, const double *l, const double *c, double *out, Py_ssize_t start, Py_ssize_t end,
                     Py_ssize_t p1, Py_ssize_t p2, Py_ssize_t p3, double *pressure, double *range) {
  Py_ssize_t size = p3;
  Py_ssize_t first = start + p3;
  fill_nan(out, start, first);
  for (Py_ssize_t i = start + 1; i < first; i++) {
    pressure[i % size] = c[i] - js_min(l[i], c[i - 1]);
    range[i % size] = true_range_at(h, l, c, i);
  }
  /* Each sum starts from its own window, as TA-Lib primes them (same additions, same rounding). */
  double a1 = ring_sum(pressure, size, first - p1 + 1, first);
  double b1 = ring_sum(range, size, first - p1 + 1, first);
  double a2 = ring_sum(pressure, size, first - p2 + 1, first);
  double b2 = ring_sum(range, size, first - p2 + 1, first);
  double a3 = ring_sum(pressure, size, first - p3 + 1, first);
  double b3 = ring_sum(range, size, first - p3 + 1, first);
  Py_ssize_t slot = first % size;
  Py_ssize_t old1 = (first - p1 + 1) % size;
  Py_ssize_t old2 = (first - p2 + 1) % size;
  Py_ssize_t old3 = (first - p3 + 1) % size;
  for (Py_ssize_t i = first; i < end; i++) {
    double a = c[i] - js_min(l[i], c[i - 1]);
    double b = true_range_at(h, l, c, i);
    pressure[slot] = a;
    range[slot] = b;
    a1 += a;
    a2 += a;
    a3 += a;
    b1 += b;
    b2 += b;
    b3 += b;
    double weighted = 0;
    if (!is_near_zero(b1)) weighted += 4 * (a1 / b1);
    if (!is_near_zero(b2)) weighted += 2 * (a2 / b2);
    if (!is_near_zero(b3)) weighted += a3 / b3;
    a1 -= pressure[old1];
    b1 -= range[old1];
    a2 -= pressure[old2];
    b2 -= range[old2];
    a3 -= pressure[old3];
    b3 -= range[old3];
    out[i] = 100 * (weighted / 7);
    slot = next_slot(slot, size);
    old1 = next_slot(old1, size);
    old2 = next_slot(old2, size);
    old3 = next_slot(old3, size);
  }
}

/* ultosc_run(high, low, close, out, start, end, p1, p2, p3): the periods sorted, p1 <= p2 <= p3. */
static PyObject *ultosc_run(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t start, end, p1, p2, p3;
  if (!PyArg_ParseTuple(args, "OOOOnnnnn", &objects[0], &objects[1], &objects[2], &objects[3], &start, &end, &p1, &p2,
                        &p3))
    return NULL;
  if (check_period(p1) != 0 || check_period(p3) != 0) return NULL;
  if (!(p1 <= p2 && p2 <= p3)) {
    PyErr_SetString(PyExc_ValueError, "the periods must be sorted (p1 <= p2 <= p3)");
    return NULL;
  }
  Series s[4];
  if (open_series(objects, s, 4, 1, start, end) != 0) return NULL;
  if (end - start <= p3) {
    fill_nan(s[3].data, start, end); /* too short for a value: no ring */
  } else {
    double *rings = PyMem_Calloc((size_t)p3 * 2, sizeof(double));
    if (rings == NULL) {
      close_series(s, 4);
      return PyErr_NoMemory();
    }
    ultimate(s[0].data, s[1].data, s[2].data, s[3].data, start, end, p1, p2, p3, rings, rings + p3);
    PyMem_Free(rings);
  }
  close_series(s, 4);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"atr_run", atr_run, METH_VARARGS, "ATR or NATR over one finite run (atr.ts)."},
  {"directional_run", directional_run, METH_VARARGS, "+DI, -DI or ADX over one finite run (directional.ts)."},
  {"sar_run", sar_run, METH_VARARGS, "Parabolic SAR over one finite run (sar.ts)."},
  {"ultosc_run", ultosc_run, METH_VARARGS, "Ultimate oscillator over one finite run (ultosc.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, "trend", "Native true-range kernels: ATR, NATR, +DI, -DI, ADX, SAR, ULTOSC.", -1, methods};

PyMODINIT_FUNC PyInit_trend(void) { return PyModule_Create(&module); }
