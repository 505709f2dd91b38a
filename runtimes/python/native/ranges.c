/*
 * Rolling highest high / lowest low and what is built on them: a C copy of
 * packages/indicators/src/rolling-extremes.ts (van Herk / Gil-Werman blocks, later bar wins ties),
 * range-position.ts (raw stochastic %K, Williams' %R), stochastic-kernel.ts (slowStochastic,
 * smoothTwice) and aroon.ts (aroonRun).
 *
 * Each entry point walks the finite runs itself, as the TS functions do with startOfRun
 * (finite-runs.ts), and writes every output entry (NaN in gaps and warm-ups), so Python can hand it
 * np.empty outputs. TS picks values through a two-slot array to stay branch-free in V8; here the
 * same choices are plain conditionals, which pick the same operand (signed zeros included).
 */
#include "series.h"

/* The parts of a scratch for `window`-bar windows (rolling-extremes.ts without its two `pick` slots);
 * each holds window + 1 numbers, a tails part's last one being the ∓Infinity of the window that is
 * exactly the current block. */
enum { HIGH_BLOCK, HIGH_TAILS, LOW_BLOCK, LOW_TAILS, PARTS };

static inline double *part_at(double *scratch, Py_ssize_t window, int part) {
  return scratch + (size_t)part * (size_t)(window + 1);
}

/* laterMax / laterMin: `later` on ties. */
static inline double later_max(double earlier, double later) { return later >= earlier ? later : earlier; }
static inline double later_min(double earlier, double later) { return later <= earlier ? later : earlier; }

/* startBlocks: a run's first block has no predecessor, so its windows are its head alone. */
static void start_blocks(double *scratch, Py_ssize_t window) {
  double *high_tails = part_at(scratch, window, HIGH_TAILS);
  double *low_tails = part_at(scratch, window, LOW_TAILS);
  for (Py_ssize_t j = 0; j <= window; j++) {
    high_tails[j] = -INFINITY;
    low_tails[j] = INFINITY;
  }
}

/* blockTails: the tails' extremes of the block just completed, for the next block's windows. */
static void block_tails(double *scratch, Py_ssize_t window, const double *low_block) {
  const double *high_block = part_at(scratch, window, HIGH_BLOCK);
  double *high_tails = part_at(scratch, window, HIGH_TAILS);
  double *low_tails = part_at(scratch, window, LOW_TAILS);
  double highest = -INFINITY, lowest = INFINITY;
  for (Py_ssize_t j = window - 1; j >= 0; j--) {
    highest = later_max(high_block[j], highest);
    high_tails[j] = highest;
    lowest = later_min(low_block[j], lowest);
    low_tails[j] = lowest;
  }
}

/* blockTailsWithBars: as block_tails, with the bar of each tail's extreme (the block starts at bar `block_start`). */
static void block_tails_with_bars(double *scratch, Py_ssize_t *bars, Py_ssize_t window, Py_ssize_t block_start) {
  const double *high_block = part_at(scratch, window, HIGH_BLOCK);
  const double *low_block = part_at(scratch, window, LOW_BLOCK);
  double *high_tails = part_at(scratch, window, HIGH_TAILS);
  double *low_tails = part_at(scratch, window, LOW_TAILS);
  Py_ssize_t *high_bars = bars, *low_bars = bars + window + 1;
  double highest = -INFINITY, lowest = INFINITY;
  Py_ssize_t high_bar = block_start + window, low_bar = high_bar;
  for (Py_ssize_t j = window - 1; j >= 0; j--) {
    double high = high_block[j], low = low_block[j];
    if (!(highest >= high)) high_bar = block_start + j; /* laterMaxBar(high, start + j, highest, highBar) */
    highest = later_max(high, highest);
    if (!(lowest <= low)) low_bar = block_start + j;
    lowest = later_min(low, lowest);
    high_tails[j] = highest;
    high_bars[j] = high_bar;
    low_tails[j] = lowest;
    low_bars[j] = low_bar;
  }
}

enum { STOCHASTIC_K = 0, WILLIAMS_R = 1 };

/* stochasticK: TA-Lib's order, the range divided by 100 first; 0 for a zero range. */
static inline double stochastic_k(double highest, double lowest, double close) {
  double range = (highest - lowest) / 100;
  return range != 0 ? (close - lowest) / range : 0;
}

/* williamsR: the range divided by -100 first; 0 for a zero range. */
static inline double williams_r(double highest, double lowest, double close) {
  double range = (highest - lowest) / -100;
  return range != 0 ? (highest - close) / range : 0;
}

/* rangePositionRun: the run starting at `start`; returns its end. */
static Py_ssize_t range_position_run(const double *high, const double *low, const double *close, double *out,
                                     Py_ssize_t n, Py_ssize_t start, Py_ssize_t period, double *scratch, int kind) {
  Py_ssize_t first = start + period - 1;
  double *high_block = part_at(scratch, period, HIGH_BLOCK);
  double *low_block = part_at(scratch, period, LOW_BLOCK);
  const double *high_tails = part_at(scratch, period, HIGH_TAILS) + 1;
  const double *low_tails = part_at(scratch, period, LOW_TAILS) + 1;
  start_blocks(scratch, period);
  double head_high = -INFINITY, head_low = INFINITY;
  Py_ssize_t k = 0, i = start;
  for (; i < n; i++) {
    double h = high[i], l = low[i], c = close[i];
    if (h - h + (l - l) + (c - c) != 0) break;
    high_block[k] = h;
    low_block[k] = l;
    head_high = later_max(head_high, h);
    head_low = later_min(head_low, l);
    double hi = later_max(high_tails[k], head_high);
    double lo = later_min(low_tails[k], head_low);
    if (++k == period) {
      k = 0;
      head_high = -INFINITY;
      head_low = INFINITY;
      block_tails(scratch, period, low_block);
    }
    out[i] = kind == STOCHASTIC_K ? stochastic_k(hi, lo, c) : williams_r(hi, lo, c);
  }
  fill_nan(out, start, first < i ? first : i);
  return i;
}

/* oneSeriesRun: range_position_run where high, low and close are one series (stoch_rsi's RSI). */
static Py_ssize_t one_series_run(const double *values, double *out, Py_ssize_t n, Py_ssize_t start, Py_ssize_t period,
                                 double *scratch, int kind) {
  Py_ssize_t first = start + period - 1;
  double *block = part_at(scratch, period, HIGH_BLOCK);
  const double *high_tails = part_at(scratch, period, HIGH_TAILS) + 1;
  const double *low_tails = part_at(scratch, period, LOW_TAILS) + 1;
  start_blocks(scratch, period);
  double head_high = -INFINITY, head_low = INFINITY;
  Py_ssize_t k = 0, i = start;
  for (; i < n; i++) {
    double v = values[i];
    if (v - v != 0) break;
    block[k] = v;
    head_high = later_max(head_high, v);
    head_low = later_min(head_low, v);
    double hi = later_max(high_tails[k], head_high);
    double lo = later_min(low_tails[k], head_low);
    if (++k == period) {
      k = 0;
      head_high = -INFINITY;
      head_low = INFINITY;
      block_tails(scratch, period, block);
    }
    out[i] = kind == STOCHASTIC_K ? stochastic_k(hi, lo, v) : williams_r(hi, lo, v);
  }
  fill_nan(out, start, first < i ? first : i);
  return i;
}

/* rangePosition: every entry of `out` (n entries); 0 on success, -1 with MemoryError. */
static int range_position(const double *high, const double *low, const double *close, double *out, Py_ssize_t n,
                          Py_ssize_t period, int kind) {
  double *const outputs[1] = {out};
  if (period > n) { /* no run is long enough: spares a scratch sized by a huge period */
    fill_nan(out, 0, n);
    return 0;
  }
  double *scratch = PyMem_Calloc((size_t)PARTS * (size_t)(period + 1), sizeof(double));
  if (scratch == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  int one_series = high == low && low == close;
  const double *const three[3] = {high, low, close};
  const double *const *inputs = one_series ? three + 2 : three;
  int input_count = one_series ? 1 : 3;
  Py_ssize_t start = start_of_run(inputs, input_count, outputs, 1, n, 0, period);
  while (start < n) {
    Py_ssize_t end = one_series ? one_series_run(close, out, n, start, period, scratch, kind)
                                : range_position_run(high, low, close, out, n, start, period, scratch, kind);
    start = start_of_run(inputs, input_count, outputs, 1, n, end, period);
  }
  PyMem_Free(scratch);
  return 0;
}

/* ringSize: the smallest power of two that holds `period` values (period <= n here, so no overflow). */
static Py_ssize_t ring_size(Py_ssize_t period) {
  Py_ssize_t size = 1;
  while (size < period) size *= 2;
  return size;
}

/* smoothTwiceRun: k = SMA(raw, k_smooth), d = SMA(k, d_smooth) over the finite raw run from `start`
 * (d holds raw %K on entry); smaRun's arithmetic; returns the run's end. */
static Py_ssize_t smooth_twice_run(double *d, double *k, Py_ssize_t n, Py_ssize_t start, Py_ssize_t k_smooth,
                                   Py_ssize_t d_smooth, double *rings, Py_ssize_t rings_length) {
  size_t raw_mask = (size_t)ring_size(k_smooth) - 1;
  double *k_ring = rings + raw_mask + 1;
  size_t k_mask = (size_t)ring_size(d_smooth) - 1;
  Py_ssize_t k_first = start + k_smooth - 1;
  for (Py_ssize_t j = 0; j < rings_length; j++) rings[j] = 0;
  double raw_sum = 0, k_sum = 0;
  Py_ssize_t i = start;
  for (; i < n; i++) {
    double raw = d[i];
    if (raw - raw != 0) break;
    rings[(size_t)i & raw_mask] = raw;
    raw_sum += raw;
    double raw_total = raw_sum;
    raw_sum -= rings[(size_t)(i - k_smooth + 1) & raw_mask];
    if (i < k_first) continue;
    double k_value = raw_total / (double)k_smooth;
    k[i] = k_value;
    k_ring[(size_t)i & k_mask] = k_value;
    k_sum += k_value;
    double k_total = k_sum;
    k_sum -= k_ring[(size_t)(i - d_smooth + 1) & k_mask];
    d[i] = k_total / (double)d_smooth;
  }
  Py_ssize_t warm = k_first + d_smooth - 1;
  if (warm > i) warm = i;
  fill_nan(k, start, warm);
  fill_nan(d, start, warm);
  return i;
}

/* smoothTwice: every entry of k and d; 0 on success, -1 with MemoryError. */
static int smooth_twice(double *d, double *k, Py_ssize_t n, Py_ssize_t k_smooth, Py_ssize_t d_smooth) {
  double *const outputs[2] = {k, d};
  const double *const inputs[1] = {d};
  if (k_smooth > n || d_smooth > n || k_smooth + d_smooth - 1 > n) {
    fill_nan(k, 0, n);
    fill_nan(d, 0, n);
    return 0;
  }
  Py_ssize_t rings_length = ring_size(k_smooth) + ring_size(d_smooth);
  double *rings = PyMem_Calloc((size_t)rings_length, sizeof(double));
  if (rings == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  Py_ssize_t span = k_smooth + d_smooth - 1;
  Py_ssize_t start = start_of_run(inputs, 1, outputs, 2, n, 0, span);
  while (start < n) {
    Py_ssize_t end = smooth_twice_run(d, k, n, start, k_smooth, d_smooth, rings, rings_length);
    start = start_of_run(inputs, 1, outputs, 2, n, end, span);
  }
  PyMem_Free(rings);
  return 0;
}

/* range_position(high, low, close, out, period, kind): kind 0 raw stochastic %K, 1 Williams' %R. */
static PyObject *py_range_position(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t period;
  int kind;
  if (!PyArg_ParseTuple(args, "OOOOni", &objects[0], &objects[1], &objects[2], &objects[3], &period, &kind))
    return NULL;
  if (kind != STOCHASTIC_K && kind != WILLIAMS_R) {
    PyErr_SetString(PyExc_ValueError, "kind must be 0 (stochastic %K) or 1 (Williams' %R)");
    return NULL;
  }
  Series s[4];
  if (open_with_period(objects, s, 4, 1, period) != 0) return NULL;
  int status = range_position(s[0].data, s[1].data, s[2].data, s[3].data, s[0].length, period, kind);
  close_series(s, 4);
  if (status != 0) return NULL;
  Py_RETURN_NONE;
}

/* slow_stochastic(high, low, close, k, d, k_period, k_smooth, d_smooth): slowStochastic; the inputs may be k. */
static PyObject *py_slow_stochastic(PyObject *self, PyObject *args) {
  PyObject *objects[5];
  Py_ssize_t k_period, k_smooth, d_smooth;
  if (!PyArg_ParseTuple(args, "OOOOOnnn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4], &k_period,
                        &k_smooth, &d_smooth))
    return NULL;
  Series s[5];
  if (check_period(k_period) != 0 || check_period(k_smooth) != 0 || check_period(d_smooth) != 0 ||
      open_series(objects, s, 5, 2, 0, 0) != 0)
    return NULL;
  double *k = s[3].data, *d = s[4].data;
  Py_ssize_t n = s[0].length;
  int status = range_position(s[0].data, s[1].data, s[2].data, d, n, k_period, STOCHASTIC_K);
  if (status == 0) status = smooth_twice(d, k, n, k_smooth, d_smooth);
  close_series(s, 5);
  if (status != 0) return NULL;
  Py_RETURN_NONE;
}

/* aroonRun: Aroon over the finite run from `start`; returns its end. */
static Py_ssize_t aroon_run(const double *h, const double *l, double *down, double *up, Py_ssize_t n, Py_ssize_t start,
                            Py_ssize_t period, double *scratch, Py_ssize_t *bars) {
  Py_ssize_t window = period + 1;
  Py_ssize_t first = start + period;
  double factor = 100 / (double)period;
  double *high_block = part_at(scratch, window, HIGH_BLOCK);
  double *low_block = part_at(scratch, window, LOW_BLOCK);
  const double *high_tails = part_at(scratch, window, HIGH_TAILS) + 1;
  const double *low_tails = part_at(scratch, window, LOW_TAILS) + 1;
  const Py_ssize_t *high_tail_bars = bars + 1;
  const Py_ssize_t *low_tail_bars = bars + window + 1 + 1;
  start_blocks(scratch, window);
  double head_high = -INFINITY, head_low = INFINITY;
  Py_ssize_t head_high_bar = start, head_low_bar = start;
  Py_ssize_t k = 0, i = start;
  for (; i < n; i++) {
    double high = h[i], low = l[i];
    if (high - high + (low - low) != 0) break;
    high_block[k] = high;
    low_block[k] = low;
    /* A new extreme (ties included) is the later one: its bar is i. */
    if (high >= head_high) {
      head_high_bar = i;
      head_high = high;
    }
    if (low <= head_low) {
      head_low_bar = i;
      head_low = low;
    }
    Py_ssize_t high_bar = head_high >= high_tails[k] ? head_high_bar : high_tail_bars[k];
    Py_ssize_t low_bar = head_low <= low_tails[k] ? head_low_bar : low_tail_bars[k];
    if (++k == window) {
      k = 0;
      head_high = -INFINITY;
      head_low = INFINITY;
      block_tails_with_bars(scratch, bars, window, i - window + 1);
    }
    up[i] = factor * (double)(period - (i - high_bar));
    down[i] = factor * (double)(period - (i - low_bar));
  }
  Py_ssize_t warm = first < i ? first : i;
  fill_nan(down, start, warm);
  fill_nan(up, start, warm);
  return i;
}

/* aroon(high, low, down, up, period): every entry of down and up. */
static PyObject *py_aroon(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t period;
  if (!PyArg_ParseTuple(args, "OOOOn", &objects[0], &objects[1], &objects[2], &objects[3], &period)) return NULL;
  Series s[4];
  if (open_with_period(objects, s, 4, 2, period) != 0) return NULL;
  const double *h = s[0].data, *l = s[1].data;
  double *down = s[2].data, *up = s[3].data;
  Py_ssize_t n = s[0].length;
  if (period >= n) { /* the window, period + 1 bars, never fits */
    fill_nan(down, 0, n);
    fill_nan(up, 0, n);
    close_series(s, 4);
    Py_RETURN_NONE;
  }
  Py_ssize_t window = period + 1;
  double *scratch = PyMem_Calloc((size_t)PARTS * (size_t)(window + 1), sizeof(double));
  Py_ssize_t *bars = PyMem_Calloc(2 * (size_t)(window + 1), sizeof(Py_ssize_t));
  if (scratch == NULL || bars == NULL) {
    PyMem_Free(scratch);
    PyMem_Free(bars);
    close_series(s, 4);
    return PyErr_NoMemory();
  }
  const double *const inputs[2] = {h, l};
  double *const outputs[2] = {down, up};
  Py_ssize_t start = start_of_run(inputs, 2, outputs, 2, n, 0, window);
  while (start < n) {
    Py_ssize_t end = aroon_run(h, l, down, up, n, start, period, scratch, bars);
    start = start_of_run(inputs, 2, outputs, 2, n, end, window);
  }
  PyMem_Free(scratch);
  PyMem_Free(bars);
  close_series(s, 4);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"range_position", py_range_position, METH_VARARGS, "Raw stochastic %K (kind 0) or Williams' %R (kind 1) (range-position.ts)."},
  {"slow_stochastic", py_slow_stochastic, METH_VARARGS, "Slow stochastic k and d (stochastic-kernel.ts)."},
  {"aroon", py_aroon, METH_VARARGS, "Aroon down and up (aroon.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "ranges", "Native rolling-extreme kernels (rolling-extremes.ts).",
                                    -1, methods};

PyMODINIT_FUNC PyInit_ranges(void) { return PyModule_Create(&module); }
