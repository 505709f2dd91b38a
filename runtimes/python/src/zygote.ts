/**
 * One Python zygote process (stratex_runtime/zygote.py): spawned with an empty environment, spoken to
 * through two extra pipes (fd 3 host → zygote, fd 4 zygote → host), never through stdin/stdout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { encodeFrame, type Frame, FrameDecoder } from './frame.js';

/** The whole environment of the runtime: single-threaded maths libraries, deterministic hashing. */
export const RUNTIME_ENV: Readonly<Record<string, string>> = {
  OPENBLAS_NUM_THREADS: '1',
  OMP_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  NUMEXPR_NUM_THREADS: '1',
  PYTHONHASHSEED: '0',
};

export interface ZygoteInfo {
  pid: number;
  python: string;
  numpy: string;
  sdkVersion: string;
}

export interface ZygoteSpawnOptions {
  pythonPath: string;
  /** The directory holding the `stratex` and `stratex_runtime` Python packages. */
  packageDir: string;
}

const STDERR_TAIL_BYTES = 4096;

export class Zygote {
  /** Resolves once numpy and the SDK are imported (jobs may be sent before: they wait in the pipe). */
  readonly ready: Promise<ZygoteInfo>;
  /** Resolves once pandas is imported too, which the zygote does at its first idle moment. */
  readonly warm: Promise<void>;
  /** Set when the process has exited; every later send fails. */
  exited = false;
  private readonly process: ChildProcess;
  private readonly input: Writable;
  private readonly replies = new Map<number, (frame: Frame | undefined) => void>();
  private stderrTail = '';
  private onReady!: (info: ZygoteInfo) => void;
  private onWarm!: () => void;

  constructor(options: ZygoteSpawnOptions, onExit: (zygote: Zygote) => void) {
    let fail!: (e: Error) => void;
    this.ready = new Promise<ZygoteInfo>((resolve, reject) => {
      this.onReady = resolve;
      fail = reject;
    });
    this.warm = new Promise<void>((resolve) => {
      this.onWarm = resolve;
    });
    this.ready.catch(() => {});
    this.process = spawn(options.pythonPath, ['-s', '-B', '-m', 'stratex_runtime.zygote'], {
      cwd: options.packageDir,
      env: RUNTIME_ENV,
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
      fail(new Error(`the Python zygote exited before it was ready: ${this.stderrTail.trim().split('\n').pop()}`));
      for (const reply of this.replies.values()) reply(undefined);
      this.replies.clear();
      onExit(this);
    };
    this.process.on('exit', exit);
    this.process.on('error', exit);
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Sends one job; `reply` gets its `done` frame, or undefined when the zygote died first. */
  send(id: number, header: Record<string, unknown>, buffers: ArrayBufferView[], reply: (f?: Frame) => void): void {
    if (this.exited) {
      reply(undefined);
      return;
    }
    this.replies.set(id, reply);
    for (const chunk of encodeFrame({ ...header, id }, buffers)) this.input.write(chunk);
  }

  /** Kills the zygote (its job children die with it). */
  kill(): void {
    this.process.kill('SIGKILL');
  }

  /** Asks the zygote to stop (closing its input), then kills it if it has not exited within `graceMs`. */
  async close(graceMs = 2000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.input.end();
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
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
    if (header.type === 'ready') this.onReady(header as unknown as ZygoteInfo);
    else if (header.type === 'warm') this.onWarm();
    else if (header.type === 'done') {
      const id = header.id as number;
      const reply = this.replies.get(id);
      this.replies.delete(id);
      reply?.(frame);
    }
  }
}
