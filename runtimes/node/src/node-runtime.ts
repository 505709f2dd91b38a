/**
 * The JavaScript/TypeScript runtime: a RuntimeInvoker that runs each strategy in a fresh V8 isolate
 * (isolated-vm) inside a warm child process, with the job's memory and time limits, and hands back
 * the strategy's output as plain data (typed arrays stay typed arrays).
 */
import {
  ERROR_CODES,
  LOCAL_OWNER,
  type RuntimeInvoker,
  type StrategyData,
  type StrategyJob,
  type StrategyLanguage,
  type StrategyRun,
  StratexError,
} from '@stratex/core';
import { detectIsolation, type IsolationProfile } from '@stratex/sandbox';
import { childCode, defaultChildEntry } from './child-entry.js';
import type { JobOutcome } from './child-handle.js';
import { ChildPool } from './child-pool.js';
import { DATA_COLUMNS } from './isolate/isolate-api.js';
import { preludeScript } from './prelude-bundle.js';
import type { FailureMessage, JobMessage } from './protocol.js';
import { SDK_VERSION } from './sdk-version.js';
import { validateStrategy } from './static/validate.js';
import { loadTypeStripper, stripTypes } from './strip-types.js';
import { WireError, wireToValue } from './wire-value.js';

export interface NodeRuntimeOptions {
  /** Child processes running jobs side by side (default 1). */
  poolSize?: number;
  /** Jobs one child runs before it is replaced (default 100); each job has its own isolate anyway. */
  jobsPerChild?: number;
  /** Memory limit of the isolate kept warm, in MB (default 256); jobs with another limit wait ~ms for theirs. */
  warmMemoryMb?: number;
  /** Largest output a strategy may return, in bytes (default 64 MiB); more is a STRATEGY_ERROR. */
  maxOutputBytes?: number;
  /** Node binary for the children (default: the one running the host). */
  nodePath?: string;
  /** Child entry script (default: dist/child/main.js, or a bundle of the sources under vitest). */
  childEntry?: string;
  /**
   * Isolation profile of the children (default: detected, STRATEX_ISOLATION forces one): `bwrap` or
   * `process` (@stratex/sandbox). Reported as each run's `isolation`.
   */
  isolation?: IsolationProfile;
  /**
   * Tests only: skip the static validation (static/validate.ts), so the attack corpus proves the
   * isolate holds by itself, not the filter in front of it.
   */
  bypassValidation?: boolean;
}

/** Who a job is run for. */
export interface JobContext {
  /**
   * The user (or team) key: a child process, i.e. a sandbox instance, only ever runs jobs of one owner.
   * Overrides `job.owner`; jobs naming neither belong to `LOCAL_OWNER` (one user on one machine).
   */
  owner?: string;
}

export interface NodeRuntime extends RuntimeInvoker {
  run(job: StrategyJob, context?: JobContext): Promise<StrategyRun>;
  /**
   * Starts the children and waits until each has a warm isolate (optional: run() waits anyway). With
   * `typescript`, also loads the type stripper, so its load overlaps with whatever the caller does.
   */
  ready(language?: StrategyLanguage): Promise<void>;
  /** Stops the children; pending jobs fail. */
  close(): Promise<void>;
}

/** Largest strategy source accepted (a strategy is one file; more is a CODE_REJECTED). */
export const MAX_CODE_BYTES = 1024 * 1024;

/** Creates the runtime; children start on the first job or on ready(). */
export function createNodeRuntime(options: NodeRuntimeOptions = {}): NodeRuntime {
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 2 ** 20;
  const isolation = options.isolation ?? detectIsolation();
  const pool = new ChildPool({
    size: options.poolSize ?? 1,
    jobsPerChild: options.jobsPerChild ?? 100,
    child: async () => ({
      nodePath: options.nodePath ?? process.execPath,
      entry: options.childEntry ?? (await defaultChildEntry()),
      sandbox: {
        profile: isolation,
        code: options.childEntry === undefined ? await childCode() : [options.childEntry],
      },
      init: preludeScript().then((prelude) => ({
        type: 'init' as const,
        prelude,
        memoryMb: options.warmMemoryMb ?? 256,
        maxOutputBytes,
      })),
      maxOutputBytes,
    }),
  });
  let nextId = 1;
  return {
    async ready(language) {
      const stripper = language === 'typescript' ? loadTypeStripper() : undefined;
      await Promise.all([pool.warmUp(), stripper]).catch(internal);
    },
    close: () => pool.close(),
    async run(job, context = {}) {
      const message = await jobMessage(job, nextId++, options.bypassValidation === true);
      const owner = context.owner ?? job.owner ?? LOCAL_OWNER;
      const outcome = await pool.run(message, dataParts(job.data, message.bars), owner).catch(internal);
      return toRun(outcome, isolation);
    },
  };
}

/** Failures of the runtime itself: INTERNAL for the user, the cause kept for the operator's logs. */
function internal(error: unknown): never {
  if (error instanceof StratexError) throw error;
  const wrapped = new StratexError('INTERNAL', 'The JavaScript runtime failed; the run was not completed.');
  throw Object.assign(wrapped, { cause: error });
}

async function jobMessage(job: StrategyJob, id: number, bypassValidation: boolean): Promise<JobMessage> {
  if (job.language !== 'javascript' && job.language !== 'typescript') {
    throw new StratexError('INVALID_REQUEST', `The JavaScript runtime cannot run ${String(job.language)} code`);
  }
  if (typeof job.code !== 'string' || Buffer.byteLength(job.code) > MAX_CODE_BYTES) {
    throw new StratexError('CODE_REJECTED', `The strategy is larger than ${MAX_CODE_BYTES / 1024} KB`);
  }
  const { timeoutMs, memoryMb } = job.limits;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new StratexError('INVALID_REQUEST', 'The timeout must be a positive number of milliseconds');
  }
  if (!(Number.isInteger(memoryMb) && memoryMb >= 16)) {
    throw new StratexError('INVALID_REQUEST', 'The memory limit must be a whole number of MB, at least 16');
  }
  const typescript = job.language === 'typescript';
  const code = typescript ? await stripTypes(job.code) : job.code;
  // Before anything runs, on the trusted side: the type-stripped code keeps the user's lines.
  if (!bypassValidation) validateStrategy(code);
  return {
    type: 'job',
    id,
    code,
    filename: typescript ? 'strategy.ts' : 'strategy.js',
    params: job.params ?? {},
    timeoutMs,
    memoryMb,
    bars: job.data.close.length,
  };
}

/** The price columns in DATA_COLUMNS order, as float64 (copied only when they are not already). */
function dataParts(data: StrategyData, bars: number): Float64Array[] {
  return DATA_COLUMNS.map((name) => {
    const column = data[name];
    if (column === undefined || column.length !== bars) {
      throw new StratexError('INVALID_REQUEST', `data.${name} must have one value per bar (${bars})`);
    }
    return column instanceof Float64Array ? column : Float64Array.from(column as ArrayLike<number>);
  });
}

/** The child's failure as a StratexError, checked like everything else that comes from the child. */
function failureError(message: FailureMessage): StratexError {
  const { error, logs } = message;
  const known = (ERROR_CODES as readonly string[]).includes(error?.code);
  if (!known || typeof error.message !== 'string') {
    return new StratexError('STRATEGY_ERROR', 'The process running the strategy answered nonsense');
  }
  const details = typeof error.details === 'object' && error.details !== null ? { ...error.details } : {};
  if (typeof logs === 'string' && logs !== '') details.logs = logs;
  const text = error.message.length > 4000 ? `${error.message.slice(0, 4000)}…` : error.message;
  return new StratexError(error.code, text, Object.keys(details).length === 0 ? undefined : details);
}

function toRun(outcome: JobOutcome, isolation: IsolationProfile): StrategyRun {
  if (outcome.kind === 'failure') throw failureError(outcome.message);
  const { message, frame } = outcome;
  let output: unknown;
  let params: unknown;
  try {
    output = wireToValue(message.output, frame);
    params = wireToValue(message.params, frame);
  } catch (error) {
    if (!(error instanceof WireError)) throw error;
    throw new StratexError('STRATEGY_ERROR', "The strategy's output could not be read");
  }
  return {
    output: output as StrategyRun['output'],
    style: message.style === 'event' ? 'event' : 'vectorized',
    params: params as Record<string, unknown>,
    logs: typeof message.logs === 'string' ? message.logs : '',
    isolation,
    sdkVersion: SDK_VERSION,
  };
}
