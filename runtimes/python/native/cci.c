/* Commodity channel index: a C copy of packages/indicators/src/cci.ts (cciRun, cciOfWindow). */
#include "series.h"

static const double FLAT_WINDOW = 4 * 2.220446049250313e-16; /* 4 * Number.EPSILON */

static double cci_of_window(const double *window, Py_ssize_t period, double last, double mean) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  Py_ssize_t j = 3;
  for (; j < period; j += 4) {
    s0 += fabs(window[j - 3] - mean);
    s1 += fabs(window[j - 2] - mean);
    s2 += fabs(window[j - 1] - mean);
    s3 += fabs(window[j] - mean);
  }
  for (j -= 3; j < period; j++) s0 += fabs(window[j] - mean);
  double deviation = s0 + s1 + (s2 + s3);
  double distance = last - mean;
  if (distance == 0 || deviation <= (double)period * fabs(mean) * FLAT_WINDOW) return 0;
  return distance / (0.015 * (deviation / (double)period));
}

/* cci_run(high, low, close, out, start, end, period): out[start:end] of one finite run of length >= 1. */
static PyObject *cci_run(PyObject *self, PyObject *args) {
  PyObject *objects[4];
  Py_ssize_t start, end, period;
  if (!PyArg_ParseTuple(args, "OOOOnnn", &objects[0], &objects[1], &objects[2], &objects[3], &start, &end, &period))
    return NULL;
  Series s[4];
  if (check_period(period) != 0 || open_series(objects, s, 4, 1, start, end) != 0) return NULL;
  double *window = PyMem_Calloc((size_t)period, sizeof(double));
  if (window == NULL) {
    close_series(s, 4);
    return PyErr_NoMemory();
  }
  const double *h = s[0].data, *l = s[1].data, *c = s[2].data;
  double *out = s[3].data;
  Py_ssize_t first = start + period - 1;
  for (Py_ssize_t i = start; i < first && i < end; i++) out[i] = NAN;
  Py_ssize_t slot = 0;
  double sum = 0, error = 0;
  for (Py_ssize_t i = start; i < end; i++) {
    double tp = (h[i] + l[i] + c[i]) / 3;
    double leaving = window[slot];
    window[slot] = tp;
    slot = slot + 1 == period ? 0 : slot + 1;
    double next = sum + tp;
    double part = next - sum;
    error += sum - (next - part) + (tp - part);
    sum = next;
    if (i >= first) {
      if (i > first) {
        next = sum - leaving;
        part = next - sum;
        error += sum - (next - part) + (-leaving - part);
        sum = next;
        if (slot == 0) {
          next = sum + error;
          error -= next - sum;
          sum = next;
        }
      }
      out[i] = cci_of_window(window, period, tp, (sum + error) / (double)period);
    }
  }
  PyMem_Free(window);
  close_series(s, 4);
  Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
  {"cci_run", cci_run, METH_VARARGS, "CCI over one finite run (cci.ts)."},
  {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cci", "Native CCI kernel (cci.ts).", -1, methods};

PyMODINIT_FUNC PyInit_cci(void) { return PyModule_Create(&module); }
