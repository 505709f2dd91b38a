/**
 * @stratex/runtime-node — runs JavaScript and TypeScript strategies in a V8 isolate (isolated-vm) in
 * a child process. Editors get the strategy globals from `sdk/stratex.d.ts`.
 */

export { writeChildBundle } from './child-entry.js';
export {
  createNodeRuntime,
  type JobContext,
  MAX_CODE_BYTES,
  type NodeRuntime,
  type NodeRuntimeOptions,
} from './node-runtime.js';
export { SDK_VERSION } from './sdk-version.js';
