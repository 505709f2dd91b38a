export { createLocalExecution, type LocalExecution, type LocalExecutionOptions } from './local-execution.js';
export { type ClosableRuntime, createLocalRuntimes } from './strategy-runtimes.js';
export { systemClock } from './system-clock.js';
