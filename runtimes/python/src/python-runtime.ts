/**
 * The Python RuntimeInvoker: jobs go to a zygote that forks a fresh child per job. Each owner (user)
 * has a zygote of its own (zygote-pool.ts), started on the owner's first job (or by `ready()`), and
 * started again after it dies.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LOCAL_OWNER, type RuntimeInvoker, type StrategyJob, type StrategyRun, StratexError } from '@stratex/core';
import { detectIsolation, type IsolationProfile } from '@stratex/sandbox';
import type { Frame } from './frame.js';
import { type ChildReport, readJobResult } from './job-result.js';
import { defaultPythonPath, interpreterPaths, packageDir, pythonExists } from './python-path.js';
import { Slots } from './slots.js';
import { type Reply, Zygote } from './zygote.js';
import { ZygotePool } from './zygote-pool.js';

export interface PythonRuntimeOptions {
  /** The interpreter (default: <repo>/.venv/bin/python); it must have numpy and pandas. */
  pythonPath?: string;
  /** Jobs running at once, all owners together; more wait in line (default: the number of CPUs). */
  concurrency?: number;
  /**
   * Zygotes (sandbox instances, one per owner) alive at once (default 4, at least `concurrency`): a new
   * owner's first job stops the least recently used idle one. Each holds ~70 MB (numpy and pandas).
   */
  maxZygotes?: number;
  /** A zygote with no job for this long is stopped (default 5 minutes); its owner's next job starts one. */
  zygoteIdleMs?: number;
  /** Largest result a strategy may return, in bytes (default 64 MiB, as the Node runtime); more is a STRATEGY_ERROR. */
  maxOutputBytes?: number;
  /**
   * The isolation profile (default: detectIsolation(): bwrap where usable, else process). `none` is for
   * benchmarks only (what isolation costs): no launcher, limits, cgroup, seccomp or namespaces.
   */
  isolation?: IsolationProfile | 'none';
  /**
   * Tests only: skip static validation and give user code Python's full built-ins, as if it had
   * found a way past both, to prove that the sandbox itself holds (runtimes/python/src/attacks).
   */
  bypassValidation?: boolean;
}

/** Where the time of one job went, in ms (see README.md, "What a job pays"). */
export interface PythonJobTimings {
  /** From `run()` to the result, as the caller sees it. */
  totalMs: number;
  /** Waiting for a free slot (a cold start's interpreter start shows in totalMs, not here). */
  waitMs: number;
  /** The zygote: reading the job, forking, the child's whole life, reaping. */
  zygoteMs: number;
  forkMs: number;
  childMs: number;
  strategyMs: number;
  encodeMs: number;
  /** Decoding the result into typed arrays on the host. */
  decodeMs: number;
}

export interface PythonStrategyRun extends StrategyRun {
  timings: PythonJobTimings;
}

export interface PythonRuntime extends RuntimeInvoker {
  /** Runs the job in the zygote of `job.owner` (default `LOCAL_OWNER`). */
  run(job: StrategyJob): Promise<PythonStrategyRun>;
  /** Starts the owner's zygote now; resolves once it accepts jobs (numpy and the SDK imported, ~0.2 s). */
  ready(owner?: string): Promise<void>;
  /** Starts the owner's zygote now and has it import pandas too (~0.5 s more), so no job waits for that. */
  warm(owner?: string): Promise<void>;
  /** Kills every zygote and job child; later runs fail. */
  close(): Promise<void>;
  /** The owner's zygote pid (undefined when none runs), how many zygotes this runtime has started and how many live. */
  status(owner?: string): {
    pid: number | undefined;
    started: number;
    zygotes: number;
    isolation: IsolationProfile | 'none';
    sandboxPids: number[] | undefined;
  };
}

/** Larger code is refused before it is sent (the validator's own limit, 100 KB, is lower). */
const MAX_CODE_BYTES = 1 << 20;
/** How long past its timeout the host waits for the zygote to report a job before killing the zygote. */
const HOST_GRACE_MS = 10_000;
const DEFAULT_MAX_ZYGOTES = 4;
const DEFAULT_ZYGOTE_IDLE_MS = 5 * 60_000;

/** A RuntimeInvoker for Python strategies (CONTRACT.md section 1) with `close()`. */
export function createPythonRuntime(options: PythonRuntimeOptions = {}): PythonRuntime {
  const pythonPath = options.pythonPath ?? defaultPythonPath;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const slots = new Slots(concurrency);
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 2 ** 20;
  const isolation = options.isolation ?? detectIsolation();
  const zygotes = new ZygotePool({
    // Never fewer zygotes than jobs at once: a new owner then always finds an idle one to replace.
    maxZygotes: Math.max(concurrency, options.maxZygotes ?? DEFAULT_MAX_ZYGOTES),
    idleMs: options.zygoteIdleMs ?? DEFAULT_ZYGOTE_IDLE_MS,
    spawn: (onExit) =>
      new Zygote({ pythonPath, packageDir, isolation, readOnlyBinds: interpreterPaths(pythonPath) }, onExit),
  });
  let closed = false;
  let nextId = 1;

  function zygoteOf(owner: string): Zygote {
    if (closed) throw closedError();
    if (!pythonExists(pythonPath)) {
      throw new StratexError('INTERNAL', 'the Python environment is not set up: run `npm run setup:python`');
    }
    return zygotes.zygoteOf(owner);
  }

  async function run(job: StrategyJob): Promise<PythonStrategyRun> {
    const begun = performance.now();
    checkJob(job);
    await slots.acquire();
    const owner = job.owner ?? LOCAL_OWNER;
    let release = () => {};
    try {
      const z = zygoteOf(owner);
      release = zygotes.hold(owner, z);
      const sent = performance.now();
      const limits = { timeoutMs: job.limits.timeoutMs, maxOutputBytes, bypassValidation: options.bypassValidation };
      const done = await sendJob(z, nextId++, job, limits).catch((e: unknown) => {
        throw closed ? closedError() : e;
      });
      const received = performance.now();
      const report = readJobResult(done, limits);
      return toRun(report, isolation, { begun, sent, received, decoded: performance.now() });
    } finally {
      release();
      slots.release();
    }
  }

  async function startThen(owner: string, step: (z: Zygote) => Promise<boolean>): Promise<void> {
    const z = zygoteOf(owner);
    if (!(await step(z))) throw couldNotStart();
  }

  return {
    run,
    ready: (owner = LOCAL_OWNER) => startThen(owner, (z) => z.ready()),
    warm: (owner = LOCAL_OWNER) => startThen(owner, (z) => z.warm()),
    async close() {
      closed = true;
      await zygotes.stopAll();
    },
    status: (owner = LOCAL_OWNER) => {
      const zygote = zygotes.peek(owner);
      return {
        pid: zygote?.pid,
        started: zygotes.started,
        zygotes: zygotes.live().length,
        isolation,
        sandboxPids: zygote?.cgroup?.pids(),
      };
    },
  };
}

function checkJob(job: StrategyJob): void {
  if (job.language !== 'python') {
    throw new StratexError('INVALID_REQUEST', `the Python runtime cannot run ${job.language} strategies`);
  }
  if (Buffer.byteLength(job.code) > MAX_CODE_BYTES) {
    throw new StratexError('CODE_REJECTED', 'the strategy is larger than 100 KB (line 1)', { line: 1 });
  }
}

function sendJob(
  z: Zygote,
  id: number,
  job: StrategyJob,
  limits: { timeoutMs: number; maxOutputBytes: number; bypassValidation?: boolean },
) {
  const { data } = job;
  const header = {
    type: 'job',
    code: job.code,
    params: job.params,
    timeoutMs: limits.timeoutMs,
    memoryMb: job.limits.memoryMb,
    maxOutputBytes: limits.maxOutputBytes,
    ...(limits.bypassValidation === true ? { bypassValidation: true } : {}),
  };
  const columns = [data.timestamp, data.open, data.high, data.low, data.close, data.volume];
  return new Promise<Frame>((resolve, reject) => {
    // A backstop only: the zygote enforces the timeout itself; this catches a zygote that hangs.
    const timer = setTimeout(() => {
      reject(new StratexError('TIMEOUT', `the strategy ran longer than its limit of ${limits.timeoutMs / 1000} s`));
      z.kill();
    }, limits.timeoutMs + HOST_GRACE_MS);
    z.send(id, header, columns, (reply: Reply) => {
      clearTimeout(timer);
      if (reply === 'died') reject(zygoteDied());
      else if (reply === 'failed-to-start') reject(couldNotStart());
      else resolve(reply);
    });
  });
}

function closedError(): StratexError {
  return new StratexError('INTERNAL', 'the Python runtime was closed');
}

function couldNotStart(): StratexError {
  return new StratexError(
    'INTERNAL',
    'the Python runtime could not start: run `npm run setup:python` (it needs numpy and pandas)',
  );
}

function zygoteDied(): StratexError {
  // Only a job can reach its zygote from inside; whatever stopped it, the next job gets a fresh one.
  return new StratexError(
    'SANDBOX_VIOLATION',
    'the Python runtime stopped while this strategy ran; it is restarted for the next job',
  );
}

function toRun(
  report: ChildReport,
  isolation: IsolationProfile | 'none',
  t: { begun: number; sent: number; received: number; decoded: number },
): PythonStrategyRun {
  return {
    output: report.output,
    style: report.style,
    params: report.params,
    logs: report.logs,
    isolation,
    sdkVersion: report.sdkVersion,
    timings: {
      totalMs: t.decoded - t.begun,
      waitMs: t.sent - t.begun,
      zygoteMs: report.zygoteMs,
      forkMs: report.forkMs,
      childMs: report.childMs,
      strategyMs: report.strategyMs,
      encodeMs: report.encodeMs,
      decodeMs: t.decoded - t.received,
    },
  };
}
