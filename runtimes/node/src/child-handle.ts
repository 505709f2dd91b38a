/**
 * One child process as the host sees it: spawned with `--no-node-snapshot` (isolated-vm needs it)
 * and an empty environment, initialised with the SDK, then given one job at a time. A watchdog kills
 * the child when a job overruns its limit by more than the grace the child needs to report a TIMEOUT
 * itself; a child that dies mid-job fails that job with a contract code, never the host.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { dirname } from 'node:path';
import { createPidsCgroup, type IsolationProfile, type PidsCgroup } from '@stratex/sandbox';
import { childCommand } from './child-sandbox.js';
import { type Frame, FrameReader, writeFrame } from './frame-channel.js';
import type { JobFailure } from './job-failure.js';
import { killTree, leftovers, type TreeUsage, treeOf, usageOf } from './process-tree.js';
import type { ChildMessage, FailureMessage, InitMessage, JobMessage, ResultMessage } from './protocol.js';
import { type ExceededLimit, ResourceWatchdog } from './resource-watchdog.js';

/**
 * Processes and threads one child may have (node's own ~20 and isolated-vm's); a pids cgroup enforces
 * it where the cgroup file system is writable, also for root, and lists the child's processes for the kill.
 */
const MAX_CHILD_TASKS = 64;
/** Time a child may take past a job's limit before it is killed (it normally answers TIMEOUT itself). */
const WATCHDOG_GRACE_MS = 2000;
/** How much of the child's stderr is kept for diagnosing crashes (never shown to users). */
const STDERR_KEEP = 8192;
/**
 * What V8 prints when a heap runs out for good. isolated-vm normally turns an isolate's memory limit
 * into a clean error, but one huge allocation (a 64 MB string in a 64 MB isolate) can still be fatal.
 */
const V8_OUT_OF_MEMORY = /<--- Last few GCs --->|<--- JS stacktrace --->|out of memory|heap limit|allocation failed/i;

export type JobOutcome =
  | { kind: 'result'; message: ResultMessage; frame: Frame }
  | { kind: 'failure'; message: FailureMessage; retire: boolean };

export interface ChildOptions {
  nodePath: string;
  entry: string;
  /** The init message; the child is spawned before it is ready (the SDK bundle), and gets it when it is. */
  init: Promise<InitMessage>;
  maxOutputBytes: number;
  /** The isolation profile to start it in, and what of its code it reads; default: a plain child process. */
  sandbox?: { profile: IsolationProfile; code: readonly string[] };
}

/** Why the host killed a child during a job: its wall clock, or the tree's memory or CPU time. */
type KillReason = 'wall' | ExceededLimit;

interface PendingJob {
  id: number;
  resolve: (outcome: JobOutcome) => void;
  watchdog: NodeJS.Timeout;
  resources: ResourceWatchdog;
  timeoutMs: number;
  memoryMb: number;
  killedFor: KillReason | undefined;
}

export class ChildHandle {
  readonly ready: Promise<void>;
  jobsRun = 0;
  private readonly process: ChildProcess;
  private readonly channel: Socket;
  private pending: PendingJob | undefined;
  private exited = false;
  private stderr = '';
  private killed: number[] = [];
  private readonly maxOutputBytes: number;
  private readonly cgroup: PidsCgroup | undefined;
  /** The tree's usage measured when the child last went idle: the next job's baseline. */
  private atRest: TreeUsage | undefined;
  private markReady: () => void = () => undefined;
  private failStart: (error: Error) => void = () => undefined;

  constructor(options: ChildOptions) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failStart = reject;
    });
    this.ready.catch(() => undefined);
    this.maxOutputBytes = options.maxOutputBytes;
    this.cgroup = options.sandbox === undefined ? undefined : createPidsCgroup(MAX_CHILD_TASKS);
    const launch = spawnCommand(options, this.cgroup?.path);
    this.process = spawn(launch.command, launch.args, {
      cwd: launch.cwd,
      env: launch.env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      // Its own process group, so that killing the group reaches whatever the child started.
      detached: true,
      windowsHide: true,
    });
    this.channel = this.process.stdio[3] as Socket;
    this.listen(options);
    options.init.then(
      (init) => {
        if (!this.exited) writeFrame(this.channel, init);
      },
      (error: Error) => {
        this.failStart(error);
        this.kill();
      },
    );
  }

  /** Whether the child can take another job. */
  get alive(): boolean {
    return !this.exited;
  }

  /** The child's process id (the sandbox wrapper's, when there is one). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  private listen(options: ChildOptions): void {
    const reader = new FrameReader(
      { maxHeaderBytes: 4 * options.maxOutputBytes + 2 ** 20, maxBodyBytes: 2 * options.maxOutputBytes + 2 ** 24 },
      (frame) => this.onFrame(frame),
    );
    this.channel.on('data', (chunk: Buffer) => {
      try {
        reader.push(chunk);
      } catch {
        this.kill();
      }
    });
    this.channel.on('error', () => this.kill());
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
      // V8 reports a fatal out-of-memory and then the child may hang in the handler: end it now.
      if (this.pending !== undefined && V8_OUT_OF_MEMORY.test(this.stderr)) this.kill();
    });
    this.process.on('error', (error) => this.onExit(null, null, error));
    this.process.on('exit', (code, signal) => this.onExit(code, signal));
  }

  private onFrame(frame: Frame): void {
    const message = frame.header as ChildMessage;
    if (message?.type === 'ready') {
      this.markReady();
      if (this.pending === undefined) this.idle();
      return;
    }
    const pending = this.pending;
    if (
      pending === undefined ||
      (message?.type !== 'result' && message?.type !== 'failure') ||
      message.id !== pending.id
    ) {
      this.kill();
      return;
    }
    this.finish(
      message.type === 'result'
        ? { kind: 'result', message, frame }
        : {
            kind: 'failure',
            message,
            retire: message.error.code === 'TIMEOUT' || message.error.code === 'MEMORY_LIMIT',
          },
    );
  }

  /** Sends a job; resolves with its outcome (a crash or a hang becomes a failure outcome). */
  run(job: JobMessage, parts: readonly ArrayBufferView[]): Promise<JobOutcome> {
    if (this.exited || this.pending !== undefined) throw new Error('child is not available');
    this.jobsRun++;
    this.busy();
    this.atRest = undefined;
    const dataBytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
    return new Promise<JobOutcome>((resolve) => {
      const killFor = (reason: KillReason) => {
        pending.killedFor ??= reason;
        this.kill();
      };
      const pending: PendingJob = {
        id: job.id,
        resolve,
        timeoutMs: job.timeoutMs,
        memoryMb: job.memoryMb,
        killedFor: undefined,
        watchdog: setTimeout(() => killFor('wall'), job.timeoutMs + WATCHDOG_GRACE_MS),
        resources: new ResourceWatchdog(
          () => this.processes(),
          { memoryMb: job.memoryMb, cpuMs: job.timeoutMs, dataBytes, maxOutputBytes: this.maxOutputBytes },
          killFor,
          this.atRest,
        ),
      };
      this.pending = pending;
      writeFrame(this.channel, job, parts);
    });
  }

  private finish(outcome: JobOutcome): void {
    const pending = this.pending;
    if (pending === undefined) return;
    clearTimeout(pending.watchdog);
    pending.resources.stop();
    this.pending = undefined;
    this.idle();
    pending.resolve(outcome);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null, error?: Error): void {
    if (this.exited) return;
    this.exited = true;
    this.checkNothingLeft();
    this.failStart(error ?? new Error(`runtime child exited during start (${code ?? signal}): ${this.stderr}`));
    const pending = this.pending;
    if (pending === undefined) return;
    const failure = crashFailure(pending, code, signal, this.stderr);
    this.finish({
      kind: 'failure',
      message: { type: 'failure', id: pending.id, error: failure, logs: '' },
      retire: true,
    });
  }

  /**
   * Kills the child and everything it started at once (SIGKILL: a child stuck in native code must not
   * be asked politely). The exit handler then checks that none of them still runs.
   */
  kill(): void {
    if (this.exited || this.process.pid === undefined) return;
    this.cgroup?.killAll();
    this.killed = [...new Set([...this.killed, ...killTree(this.process.pid)])];
  }

  /**
   * After the child's exit: its process group is killed (whatever it started and left behind), and a
   * moment later whatever of the tree the host killed is checked again; survivors are killed and reported.
   */
  private checkNothingLeft(): void {
    const pid = this.process.pid;
    if (pid === undefined) return;
    const inCgroup = this.cgroup?.pids() ?? [];
    this.cgroup?.killAll();
    const tree = [...new Set([...this.killed, ...killTree(pid), ...inCgroup])].filter((other) => other !== pid);
    if (tree.length === 0) {
      this.cgroup?.remove();
      return;
    }
    // SIGKILLed processes take a moment to die (longer for a big one on a busy machine): look again
    // after 100 ms and signal survivors again; a second later only report (a pid may be reused by then).
    setTimeout(() => {
      for (const other of leftovers(tree)) killTree(other);
      setTimeout(() => {
        this.cgroup?.remove();
        const left = leftovers(tree);
        if (left.length > 0) process.stderr.write(`stratex runtime-node: ${left.length} process(es) survived a kill\n`);
      }, 1000).unref();
    }, 100).unref();
  }

  /** The child's processes now: its pids cgroup lists them in one read, else its tree (main threads'). */
  private processes(): number[] {
    const pid = this.process.pid;
    if (pid === undefined) return [];
    const inCgroup = this.cgroup?.pids() ?? [];
    return inCgroup.length > 0 ? inCgroup : treeOf(pid, false);
  }

  /** An idle child must not keep the host's event loop alive (a CLI that forgets close() still exits). */
  private idle(): void {
    // Measured after the child has prepared its next isolate (it does so right after replying).
    setTimeout(() => {
      if (this.pending === undefined && !this.exited) this.atRest = usageOf(this.processes());
    }, 30).unref();
    this.process.unref();
    this.channel.unref();
    (this.process.stderr as Socket | null)?.unref();
  }

  /** While a job runs, the child keeps the host alive (also until its exit is seen, if it is killed). */
  private busy(): void {
    this.process.ref();
    this.channel.ref();
  }
}

function spawnCommand(
  options: ChildOptions,
  cgroup: string | undefined,
): { command: string; args: string[]; cwd: string; env: Record<string, string> } {
  const nodeArgs = ['--no-node-snapshot'];
  if (options.sandbox === undefined) {
    return { command: options.nodePath, args: [...nodeArgs, options.entry], cwd: dirname(options.entry), env: {} };
  }
  return childCommand({ ...options.sandbox, nodePath: options.nodePath, nodeArgs, entry: options.entry, cgroup });
}

/** How bwrap reports a sandboxed process killed by SIGSYS (seccomp): 128 + the signal's number. */
const EXIT_AFTER_SIGSYS = 128 + 31;

/** The failure of a job whose child died: killed by the watchdog, out of memory, or crashed. */
function crashFailure(pending: PendingJob, code: number | null, signal: string | null, stderr: string): JobFailure {
  if (V8_OUT_OF_MEMORY.test(stderr)) {
    return {
      code: 'MEMORY_LIMIT',
      message: `The strategy used more than its memory limit of ${pending.memoryMb} MB`,
      details: { memoryMb: pending.memoryMb },
    };
  }
  if (signal === 'SIGSYS' || code === EXIT_AFTER_SIGSYS) {
    return { code: 'SANDBOX_VIOLATION', message: 'The strategy attempted an operation the sandbox forbids' };
  }
  if (pending.killedFor === 'memory') {
    return {
      code: 'MEMORY_LIMIT',
      message: `The strategy used more than its memory limit of ${pending.memoryMb} MB`,
      details: { memoryMb: pending.memoryMb },
    };
  }
  if (pending.killedFor === 'cpu') {
    return {
      code: 'TIMEOUT',
      message: `The strategy used more than its CPU time limit of ${pending.timeoutMs / 1000} s`,
      details: { cpuMs: pending.timeoutMs },
    };
  }
  if (pending.killedFor === 'wall') {
    return {
      code: 'TIMEOUT',
      message: `The strategy did not finish within its time limit of ${pending.timeoutMs / 1000} s`,
      details: { timeoutMs: pending.timeoutMs },
    };
  }
  return {
    code: 'STRATEGY_ERROR',
    message: 'The process running the strategy stopped unexpectedly',
    details: signal === null ? { exitCode: code } : { signal },
  };
}
