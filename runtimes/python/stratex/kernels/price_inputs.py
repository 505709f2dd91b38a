"""Several price series of one call, checked and converted together."""
from stratex.kernels import native
from stratex.kernels.series import as_float64, check_same_length, finite_runs


def price_inputs(fn, *inputs):
    """(lists of the inputs, their finite runs, n): the kernels loop over plain Python floats."""
    n = check_same_length(fn, *inputs)
    arrays = [as_float64(x) for x in inputs]
    return [a.tolist() for a in arrays], finite_runs(*arrays), n


def price_arrays(fn, *inputs):
    """(C-contiguous float64 arrays of the inputs, their finite runs, n): for the native kernels that
    take one finite run per call."""
    arrays = native.arrays(fn, *inputs)
    return arrays, finite_runs(*arrays), len(arrays[0])
