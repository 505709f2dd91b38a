/**
 * What the zygote reports for one job, turned into a StrategyRun or a StratexError. The payload was
 * written by the job child after user code ran, so it is parsed as untrusted input.
 */
import { constants } from 'node:os';
import { ERROR_CODES, type ErrorCode, type StrategyOutput, StratexError } from '@stratex/core';
import { type Frame, FrameDecoder } from './frame.js';

/** The child's own report (see stratex_runtime/child.py). */
export interface ChildReport {
  style: 'vectorized' | 'event';
  params: Record<string, unknown>;
  logs: string;
  sdkVersion: string;
  output: StrategyOutput;
  /** ms: fork to the child's first instruction, the child's whole run, the user's function, encoding. */
  forkMs: number;
  childMs: number;
  strategyMs: number;
  encodeMs: number;
  /** ms the zygote spent on the job, from reading it to reaping the child. */
  zygoteMs: number;
}

type Limits = { timeoutMs: number; maxOutputBytes: number };

/** The outcome of a `done` frame: the child's report, or the contract error that ended the job. */
export function readJobResult(done: Frame, limits: Limits): ChildReport {
  const { header } = done;
  if (header.killed === 'timeout') {
    throw new StratexError('TIMEOUT', `the strategy ran longer than its limit of ${limits.timeoutMs / 1000} s`);
  }
  if (header.killed === 'oversize') {
    throw new StratexError('STRATEGY_ERROR', `the result is larger than the limit of ${limits.maxOutputBytes} bytes`);
  }
  if (header.killed) throw new StratexError('INTERNAL', 'the Python runtime was closed while the strategy ran');
  if (typeof header.signal === 'number') throw signalError(header.signal);
  const frame = header.complete === true && done.buffers.length === 1 ? parseFrame(done.buffers[0]) : undefined;
  if (!frame) throw new StratexError('INTERNAL', 'the Python runner failed without a result');
  const report = frame.header;
  if (report.ok !== true) throw childError(report.error, report.logs);
  return {
    style: report.style === 'event' ? 'event' : 'vectorized',
    params: isObject(report.params) ? report.params : {},
    logs: typeof report.logs === 'string' ? report.logs : '',
    sdkVersion: String(report.sdkVersion ?? ''),
    output: decodeOutput(report.output, frame.buffers),
    forkMs: Number(report.forkMs),
    childMs: Number(report.childMs),
    strategyMs: Number(report.strategyMs),
    encodeMs: Number(report.encodeMs),
    zygoteMs: Number(header.zygoteMs),
  };
}

function signalError(signal: number): StratexError {
  if (signal === constants.signals.SIGXCPU) {
    return new StratexError('TIMEOUT', 'the strategy used more CPU time than its limit');
  }
  if (signal === constants.signals.SIGSYS || signal === constants.signals.SIGXFSZ) {
    // SIGSYS: the seccomp filter stopped a forbidden system call; SIGXFSZ: a file write (RLIMIT_FSIZE 0).
    return new StratexError('SANDBOX_VIOLATION', 'the strategy attempted an operation the sandbox forbids');
  }
  if (signal === constants.signals.SIGKILL) {
    // Not killed by the zygote (that is reported as `killed`): the kernel's out-of-memory killer.
    return new StratexError('MEMORY_LIMIT', 'the strategy was killed for using too much memory');
  }
  const name = Object.entries(constants.signals).find(([, n]) => n === signal)?.[0] ?? `signal ${signal}`;
  return new StratexError('STRATEGY_ERROR', `the strategy's process crashed (${name})`);
}

function parseFrame(bytes: Buffer): Frame | undefined {
  try {
    const frames = new FrameDecoder().push(bytes);
    return frames.length === 1 ? frames[0] : undefined;
  } catch {
    return undefined;
  }
}

function childError(error: unknown, logs: unknown): StratexError {
  if (!isObject(error) || typeof error.message !== 'string') {
    return new StratexError('INTERNAL', 'the Python runner failed without a result');
  }
  const code = (ERROR_CODES as readonly string[]).includes(String(error.code)) ? (error.code as ErrorCode) : 'INTERNAL';
  const details = isObject(error.details) ? { ...error.details } : {};
  if (typeof logs === 'string' && logs !== '') details.logs = logs;
  return new StratexError(code, error.message, Object.keys(details).length > 0 ? details : undefined);
}

const SCALARS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY };
SCALARS['-Infinity'] = Number.NEGATIVE_INFINITY;

/** The output tree (stratex_runtime/output.py) as typed arrays, numbers and plain objects. */
export function decodeOutput(tree: unknown, buffers: Buffer[]): StrategyOutput {
  const value = decodeNode(tree, buffers);
  if (!isObject(value) || ArrayBuffer.isView(value)) throw malformed();
  return value as StrategyOutput;
}

function decodeNode(node: unknown, buffers: Buffer[]): unknown {
  if (node === null) return null;
  if (!isObject(node)) throw malformed();
  if ('scalar' in node) {
    const x = node.scalar;
    if (typeof x === 'number') return x;
    if (typeof x === 'string' && x in SCALARS) return SCALARS[x];
    throw malformed();
  }
  if ('array' in node) return decodeArray(node, buffers);
  if ('dict' in node && isObject(node.dict)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node.dict)) {
      // defineProperty: a key such as "__proto__" stays a plain own key.
      Object.defineProperty(out, key, { value: decodeNode(child, buffers), enumerable: true, writable: true });
    }
    return out;
  }
  throw malformed();
}

function decodeArray(node: Record<string, unknown>, buffers: Buffer[]): Float64Array | Uint8Array {
  const bytes = typeof node.array === 'number' ? buffers[node.array] : undefined;
  if (!bytes) throw malformed();
  if (node.dtype === 'u1') return Uint8Array.from(bytes);
  if (node.dtype !== 'f8' || bytes.length % 8 !== 0) throw malformed();
  // A copy into fresh (8-byte aligned) memory: frame buffers sit at arbitrary offsets.
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

function malformed(): StratexError {
  return new StratexError('STRATEGY_ERROR', "the strategy's process sent a malformed result");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
