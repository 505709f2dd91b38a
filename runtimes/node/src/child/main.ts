/**
 * The child process that hosts isolates (run by `node --no-node-snapshot`, with an empty environment).
 * It talks to the host over fd 3 in frames (../frame-channel.ts): one `init`, then jobs one at a
 * time. Each job gets a fresh isolate, prepared ahead of time so the job does not wait for it.
 */
import { Socket } from 'node:net';
import { type Frame, FrameReader, writeFrame } from '../frame-channel.js';
import type { InitMessage, JobMessage } from '../protocol.js';
import { type PreludeSource, type PreparedIsolate, prepareIsolate } from './prepared-isolate.js';
import { type Reply, runJob } from './run-job.js';

/** Largest job header (code and params) the child accepts. */
const MAX_HEADER_BYTES = 16 * 2 ** 20;
/** Largest data body the child accepts (10 M bars of six columns). */
const MAX_BODY_BYTES = 480 * 2 ** 20;

const socket = new Socket({ fd: 3, readable: true, writable: true });
let settings: { prelude: PreludeSource; memoryMb: number; maxOutputBytes: number } | undefined;
let warm: PreparedIsolate | undefined;
let queue: Promise<void> = Promise.resolve();

const reader = new FrameReader({ maxHeaderBytes: MAX_HEADER_BYTES, maxBodyBytes: MAX_BODY_BYTES }, (frame) => {
  queue = queue.then(() => handle(frame)).catch((error: unknown) => exitWith(70, error));
});

socket.on('data', (chunk: Buffer) => {
  try {
    reader.push(chunk);
  } catch (error) {
    exitWith(65, error);
  }
});
// The host closed the channel (it is closing the pool, or it died): nothing left to do.
socket.on('close', () => process.exit(0));
socket.on('error', () => process.exit(0));

async function handle(frame: Frame): Promise<void> {
  const message = frame.header as InitMessage | JobMessage;
  if (message.type === 'init') return init(message);
  if (message.type === 'job') return job(message, frame.body);
  exitWith(65, new Error('unknown message'));
}

function init(message: InitMessage): void {
  settings = {
    prelude: { source: message.prelude },
    memoryMb: message.memoryMb,
    maxOutputBytes: message.maxOutputBytes,
  };
  try {
    warm = prepareIsolate(settings.prelude, settings.memoryMb, settings.maxOutputBytes);
  } catch (error) {
    exitWith(66, error);
  }
  writeFrame(socket, { type: 'ready' });
}

async function job(message: JobMessage, data: ArrayBuffer): Promise<void> {
  if (settings === undefined) return exitWith(65, new Error('job before init'));
  let reply: Reply;
  try {
    const isolate = takeIsolate(message.memoryMb);
    const running = runJob(message, data, isolate, settings.maxOutputBytes);
    // The job runs on isolated-vm's threads; this thread, otherwise waiting, makes the next job's
    // isolate meanwhile, so back-to-back jobs (the look-ahead re-runs) do not wait for it.
    setImmediate(prepareNext);
    reply = await running;
  } catch (error) {
    process.stderr.write(`job failed inside the child: ${(error as Error)?.stack ?? String(error)}\n`);
    reply = {
      message: {
        type: 'failure',
        id: message.id,
        error: { code: 'INTERNAL', message: 'An internal error occurred; the run was not completed.' },
        logs: '',
      },
      parts: [],
    };
  }
  writeFrame(socket, reply.message, reply.parts);
  // When the job failed before it ran (no isolate was made meanwhile): once the reply is out.
  setImmediate(prepareNext);
}

/** Makes the warm isolate the next job will take, unless there is one. */
function prepareNext(): void {
  if (settings === undefined || warm !== undefined) return;
  try {
    warm = prepareIsolate(settings.prelude, settings.memoryMb, settings.maxOutputBytes);
  } catch (error) {
    exitWith(66, error);
  }
}

/** The warm isolate when its memory limit fits the job, else a new one. */
function takeIsolate(memoryMb: number): PreparedIsolate {
  const ready = warm;
  warm = undefined;
  if (ready !== undefined && ready.memoryMb === memoryMb) return ready;
  if (ready !== undefined) ready.isolate.dispose();
  return prepareIsolate(settings!.prelude, memoryMb, settings!.maxOutputBytes);
}

function exitWith(code: number, error: unknown): never {
  process.stderr.write(`stratex runtime child: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(code);
}
