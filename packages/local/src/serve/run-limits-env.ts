/**
 * The per-user run caps of `stratex serve` from the environment, so they can be set without a flag:
 * `STRATEX_MAX_RUNNING_PER_USER` and `STRATEX_MAX_QUEUED_PER_USER` (whole numbers from 1 to 1000).
 */
import type { RunSlotLimits } from '@stratex/api';
import { StratexError } from '@stratex/core';

const VARIABLES = {
  maxRunningPerUser: 'STRATEX_MAX_RUNNING_PER_USER',
  maxQueuedPerUser: 'STRATEX_MAX_QUEUED_PER_USER',
} as const;

export function runLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<RunSlotLimits> {
  const limits: Partial<RunSlotLimits> = {};
  for (const [field, name] of Object.entries(VARIABLES) as Array<[keyof typeof VARIABLES, string]>) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!/^\d{1,4}$/.test(text) || value < 1 || value > 1000) {
      throw new StratexError('INVALID_REQUEST', `${name} must be a whole number from 1 to 1000`, { field: name });
    }
    limits[field] = value;
  }
  return limits;
}
