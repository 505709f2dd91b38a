/** The trusted engine: fill rules of CONTRACT.md section 2 (`runEngine`) and `simulate` with metrics. */
export { type EngineRun, runEngine } from './run.js';
export { simulate } from './simulate.js';
