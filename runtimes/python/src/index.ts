/**
 * @stratex/runtime-python — runs Python strategies (numpy, pandas) in forked children of a zygote.
 * See README.md for the protocol, the limits and what a job costs.
 */
export type { PythonJobTimings, PythonRuntime, PythonRuntimeOptions, PythonStrategyRun } from './python-runtime.js';
export { createPythonRuntime } from './python-runtime.js';
