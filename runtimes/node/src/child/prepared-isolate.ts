/**
 * A fresh isolate with the SDK installed, made before a job arrives so the job does not wait for it.
 * The SDK script is compiled once per child with V8's code cache; later isolates reuse the cache.
 */
import ivm from 'isolated-vm';
import type { IsolateApi } from '../isolate/isolate-api.js';
import { LogBuffer } from './log-buffer.js';

/** The SDK script and, after the first compile, its code cache. */
export interface PreludeSource {
  source: string;
  cache?: ivm.ExternalCopy<ArrayBuffer>;
}

export interface PreparedIsolate {
  isolate: ivm.Isolate;
  context: ivm.Context;
  api: { [K in keyof IsolateApi]: ivm.Reference<IsolateApi[K]> };
  logs: LogBuffer;
  memoryMb: number;
}

/** Name of the SDK in stack traces (its frames are dropped from users' tracebacks). */
export const PRELUDE_FILENAME = 'stratex-sdk.js';

/** Creates an isolate with `memoryMb` of heap, runs the SDK in it and installs the strategy globals. */
export function prepareIsolate(prelude: PreludeSource, memoryMb: number, maxOutputBytes: number): PreparedIsolate {
  const isolate = new ivm.Isolate({
    memoryLimit: memoryMb,
    onCatastrophicError: () => {
      // V8 lost control of an isolate: this process cannot be trusted to go on; the host sees the exit.
      process.exit(70);
    },
  });
  const context = isolate.createContextSync();
  const script = isolate.compileScriptSync(prelude.source, {
    filename: PRELUDE_FILENAME,
    ...(prelude.cache === undefined ? { produceCachedData: true } : { cachedData: prelude.cache }),
  }) as ivm.Script & ivm.CachedDataResult;
  if (prelude.cache === undefined && script.cachedData !== undefined) prelude.cache = script.cachedData;
  const install = script.runSync(context, { reference: true }) as ivm.Reference<
    (send: (text: string) => void, maxOutputBytes: number) => IsolateApi
  >;
  const logs = new LogBuffer();
  const send = new ivm.Callback((text: string) => logs.append(text)) as unknown as (text: string) => void;
  const apiRef = install.applySync(undefined, [send, maxOutputBytes], {
    result: { reference: true },
  }) as ivm.Reference<IsolateApi>;
  const api = {
    setData: apiRef.getSync('setData', { reference: true }),
    loadEntry: apiRef.getSync('loadEntry', { reference: true }),
    run: apiRef.getSync('run', { reference: true }),
  } as PreparedIsolate['api'];
  return { isolate, context, api, logs, memoryMb };
}
