/** The execution service and what it speaks: requests, results, the look-ahead check. */
export { codeHash, dataHash } from './data-hash.js';
export { isExecutionId, newExecutionId } from './execution-id.js';
export { DEFAULT_LIMITS, type ExecutionRequest, type ResolvedRequest, resolveRequest } from './execution-request.js';
export type {
  ExecutionDiagnostics,
  ExecutionResult,
  FailedExecution,
  LookAheadVerdict,
  RequestAsRun,
  SucceededExecution,
} from './execution-result.js';
export {
  createExecutionService,
  type ExecutionDeps,
  type ExecutionService,
  type RunContext,
} from './execution-service.js';
export { parseInstant } from './instant.js';
export { checkLookAhead, LOOK_AHEAD_FRACTIONS, type LookAheadReport } from './look-ahead.js';
