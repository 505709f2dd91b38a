export * from './engine/index.js';
export * from './errors.js';
export * from './execution/index.js';
export * from './metrics/index.js';
export * from './output/index.js';
export * from './ports.js';
export * from './sorted-search.js';
export * from './types.js';

/** Version of the engine's fill rules and metrics, reported in every result's diagnostics. */
export const ENGINE_VERSION = '0.1.0';
