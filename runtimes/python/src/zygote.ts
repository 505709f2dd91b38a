/**
 * One Python zygote process (stratex_runtime/zygote.py): spawned with an empty environment, spoken to
 * through two extra pipes (fd 3 host → zygote, fd 4 zygote → host), never through stdin/stdout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import {
  createPidsCgroup,
  type IsolationProfile,
  nprocLimit,
  type PidsCgroup,
  sandboxAssets,
  sandboxCommand,
} from '@stratex/sandbox';
import { encodeFrame, type Frame, FrameDecoder } from './frame.js';

/** The whole environment of the runtime: single-threaded maths libraries, deterministic hashing. */
export const RUNTIME_ENV: Readonly<Record<string, string>> = {
  OPENBLAS_NUM_THREADS: '1',
  OMP_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  NUMEXPR_NUM_THREADS: '1',
  PYTHONHASHSEED: '0',
};

export interface ZygoteSpawnOptions {
  pythonPath: string;
  /** The directory holding the `stratex` and `stratex_runtime` Python packages. */
  packageDir: string;
  /** `none`: benchmarks only, the bare interpreter (no launcher, limits, cgroup, seccomp or namespaces). */
  isolation: IsolationProfile | 'none';
  /** Host paths the interpreter needs read-only (bwrap): the venv, its base install, packageDir. */
  readOnlyBinds: readonly string[];
}

/** Processes and threads of one zygote's sandbox, the zygote and its job children together. */
export const SANDBOX_MAX_PIDS = 128;
/** Limits of the whole sandbox (per-job address space and CPU are set by each job child). */
const SANDBOX_RLIMITS = { core: 0, fsize: 0, nofile: 256 };

/** A job's `done` frame, or why there is none: the zygote died, before or after it was ready. */
export type Reply = Frame | 'died' | 'failed-to-start';

type Handle = { ref(): void; unref(): void };

/** The per-job seccomp filter the zygote loads into each job child, where it was built. */
function jobFilter(): string[] {
  const { jobFilter, launcher } = sandboxAssets();
  return jobFilter !== undefined && launcher !== undefined ? [jobFilter] : [];
}

const STDERR_TAIL_BYTES = 4096;

export class Zygote {
  /** Set once the process has exited; later sends get 'died' at once. */
  exited = false;
  private isReady = false;
  private readonly process: ChildProcess;
  private readonly input: Writable;
  private readonly replies = new Map<number, (reply: Reply) => void>();
  private readonly waiters = { ready: [] as (() => void)[], warm: [] as (() => void)[] };
  private isWarm = false;
  private holds = 0;
  private stderrTail = '';
  /** The sandbox's pids cgroup where cgroups are writable: caps processes, lists leftovers. */
  readonly cgroup: PidsCgroup | undefined;

  constructor(options: ZygoteSpawnOptions, onExit: (zygote: Zygote) => void) {
    const bare = options.isolation === 'none';
    this.cgroup = bare ? undefined : createPidsCgroup(SANDBOX_MAX_PIDS);
    const args = ['-s', '-B', '-m', 'stratex_runtime.zygote'];
    const wrapped = bare
      ? { command: options.pythonPath, args, cwd: options.packageDir, env: { ...RUNTIME_ENV } }
      : sandboxCommand({
          profile: options.isolation as IsolationProfile,
          command: options.pythonPath,
          args: [...args, ...jobFilter()],
          env: RUNTIME_ENV,
          cwd: options.packageDir,
          readOnlyBinds: options.readOnlyBinds,
          // Without a pids cgroup, RLIMIT_NPROC is the cap (for non-root; it counts all of the uid's tasks).
          rlimits: this.cgroup ? SANDBOX_RLIMITS : { ...SANDBOX_RLIMITS, nproc: nprocLimit(SANDBOX_MAX_PIDS) },
          cgroup: this.cgroup?.path,
        });
    this.process = spawn(wrapped.command, wrapped.args, {
      cwd: wrapped.cwd,
      env: wrapped.env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.input = this.process.stdio[3] as Writable;
    this.input.on('error', () => {});
    this.listen(this.process.stdio[4] as Readable);
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    const exit = () => {
      if (this.exited) return;
      this.exited = true;
      this.cgroup?.remove();
      for (const reply of this.replies.values()) reply(this.isReady ? 'died' : 'failed-to-start');
      this.replies.clear();
      for (const wake of [...this.waiters.ready, ...this.waiters.warm]) wake();
      onExit(this);
    };
    this.process.on('exit', exit);
    this.process.on('error', exit);
    this.setRef(false);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** The last lines the zygote wrote to stderr (why it failed to start), for operators, not users. */
  get stderr(): string {
    return this.stderrTail;
  }

  /** Sends one job; `reply` gets its `done` frame or why none came. Jobs sent before `ready` wait in the pipe. */
  send(id: number, header: Record<string, unknown>, buffers: ArrayBufferView[], reply: (r: Reply) => void): void {
    if (this.exited) {
      reply('died');
      return;
    }
    this.hold();
    this.replies.set(id, (r) => {
      this.release();
      reply(r);
    });
    for (const chunk of encodeFrame({ ...header, id }, buffers)) this.input.write(chunk);
  }

  /** Resolves once the zygote accepts jobs (numpy and the SDK imported); false if it died first. */
  ready(): Promise<boolean> {
    return this.waitFor('ready', () => this.isReady);
  }

  /** Asks the zygote to import pandas now; resolves once it has (false if it died first). */
  warm(): Promise<boolean> {
    if (!this.isWarm && !this.exited) {
      for (const chunk of encodeFrame({ type: 'warm' })) this.input.write(chunk);
    }
    return this.waitFor('warm', () => this.isWarm);
  }

  /** Kills the zygote; its job children die with it (they hold PR_SET_PDEATHSIG). */
  kill(): void {
    this.process.kill('SIGKILL');
  }

  /** Kills the zygote and resolves once it has exited and its pipes are closed. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.hold();
    const closed = new Promise<void>((resolve) => this.process.once('close', () => resolve()));
    this.kill();
    await closed;
    this.release();
  }

  private async waitFor(what: 'ready' | 'warm', done: () => boolean): Promise<boolean> {
    if (!done() && !this.exited) {
      this.hold();
      await new Promise<void>((resolve) => this.waiters[what].push(resolve));
      this.release();
    }
    return done();
  }

  /** The zygote keeps the host's event loop alive only while someone waits for it. */
  private hold(): void {
    if (this.holds++ === 0) this.setRef(true);
  }

  private release(): void {
    if (--this.holds === 0) this.setRef(false);
  }

  private setRef(on: boolean): void {
    const handles = [this.process, ...this.process.stdio.slice(2)] as unknown as (Handle | null)[];
    for (const handle of handles) {
      if (on) handle?.ref();
      else handle?.unref();
    }
  }

  private listen(output: Readable): void {
    const decoder = new FrameDecoder();
    output.on('data', (chunk: Buffer) => {
      let frames: Frame[];
      try {
        frames = decoder.push(chunk);
      } catch {
        this.kill();
        return;
      }
      for (const frame of frames) this.dispatch(frame);
    });
  }

  private dispatch(frame: Frame): void {
    const { header } = frame;
    if (header.type === 'ready' || header.type === 'warm') {
      if (header.type === 'ready') this.isReady = true;
      else this.isWarm = true;
      for (const wake of this.waiters[header.type].splice(0)) wake();
    } else if (header.type === 'done') {
      const id = header.id as number;
      const reply = this.replies.get(id);
      this.replies.delete(id);
      reply?.(frame);
    }
  }
}
