/** Strategy output: validation, normalisation, warm-up trimming and the look-ahead comparison. */
export { firstDifferingBar } from './compare.js';
export { normalizeOutput } from './normalize.js';
export { isNormalizedOutput, type NormalizedOutput, type OutputMode, valueAt } from './normalized-output.js';
export { dropWarmup } from './warmup.js';
