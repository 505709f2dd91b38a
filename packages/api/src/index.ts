/** The stratex HTTP API (CONTRACT.md section 6): a Hono app built from ports. */
export { API_VERSION, createApp } from './app.js';
export {
  type ApiDeps,
  type ApiLimits,
  DEFAULT_API_LIMITS,
  DEFAULT_FAILED_AUTH_LIMIT,
  DEFAULT_RATE_LIMIT,
  type ExecutionJob,
  type ExecutionStorage,
  type RateLimitConfig,
} from './deps.js';
export { abandonExecutionJob, runExecutionJob } from './executions/execution-runner.js';
export {
  createRunSlots,
  DEFAULT_RUN_SLOT_LIMITS,
  type RunSlotLimits,
  type RunSlots,
} from './executions/run-slots.js';
export { HTTP_STATUS } from './http/error-response.js';
export { openApiDocument } from './openapi.js';
