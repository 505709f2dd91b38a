/** Messages between the host (child-handle.ts) and the child process (child/main.ts), in frame headers. */
import type { EntryStyle } from './isolate/isolate-api.js';
import type { JobFailure } from './job-failure.js';
import type { WireNode } from './wire-value.js';

/** Host → child, once: the SDK script and the settings of the warm isolate. */
export interface InitMessage {
  type: 'init';
  prelude: string;
  memoryMb: number;
  maxOutputBytes: number;
}

/** Host → child: one job; its parts are the DATA_COLUMNS of `bars` float64 values each. */
export interface JobMessage {
  type: 'job';
  id: number;
  code: string;
  /** Name the user's code has in stack traces: `strategy.js` or `strategy.ts`. */
  filename: string;
  params: Record<string, unknown>;
  timeoutMs: number;
  memoryMb: number;
  bars: number;
}

/** Child → host: the warm isolate is ready (sent once after init). */
export interface ReadyMessage {
  type: 'ready';
}

/** Child → host: a finished job; `output` and `params` refer to the frame's parts. */
export interface ResultMessage {
  type: 'result';
  id: number;
  style: EntryStyle;
  params: WireNode;
  output: WireNode;
  logs: string;
}

/** Child → host: a failed job. */
export interface FailureMessage {
  type: 'failure';
  id: number;
  error: JobFailure;
  logs: string;
}

export type HostMessage = InitMessage | JobMessage;
export type ChildMessage = ReadyMessage | ResultMessage | FailureMessage;
