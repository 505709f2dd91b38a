/**
 * The SDK that runs inside every isolate, bundled with @stratex/indicators into one script
 * (../prelude-bundle.ts). The child runs that script in a fresh isolate, then calls `install` once with
 * a callback for console output and gets back the IsolateApi it drives the job with.
 */
import * as kernels from '@stratex/indicators';
import type { InjectedData } from './bar-context.js';
import { copyOutput } from './copy-output.js';
import { describeThrown } from './describe-error.js';
import { hardenGlobals, setGlobal } from './harden-globals.js';
import { bareObject, freeze, isArray } from './intrinsics.js';
import { DATA_COLUMNS, ENTRY_EXPORT, type EntryStyle, type IsolateApi, type Outcome } from './isolate-api.js';
import type { TreeNode } from './output-tree.js';
import { runOnBar } from './run-on-bar.js';

type StrategyFn = (data: InjectedData, params: unknown) => unknown;
type OnBarFn = (ctx: object) => unknown;

/** Largest params defaults object that is copied out (they are a handful of numbers in practice). */
const MAX_DEFAULTS_BYTES = 1024 * 1024;

/** Prepares the global object and returns the API the child drives this isolate with. */
export function install(send: (text: string) => void, maxOutputBytes: number): IsolateApi {
  const library = kernels as unknown as Record<string, unknown>;
  hardenGlobals(send, library);
  let data: InjectedData | undefined;
  let entry: { style: EntryStyle; fn: StrategyFn | OnBarFn } | undefined;
  return {
    setData(buffer, bars) {
      const columns = bareObject();
      DATA_COLUMNS.forEach((name, i) => {
        columns[name] = new Float64Array(buffer, i * bars * 8, bars);
      });
      columns.length = bars;
      data = freeze(columns) as unknown as InjectedData;
      setGlobal('data', data);
    },
    loadEntry(namespace) {
      try {
        const found = findEntry(namespace, maxOutputBytes);
        if (!found.ok) return found;
        entry = { style: found.style, fn: found.fn };
        return { ok: true, style: found.style, defaults: found.defaults };
      } catch (thrown) {
        return { ok: false, error: describeThrown(thrown) };
      }
    },
    async run(params) {
      try {
        if (entry === undefined || data === undefined) throw new Error('run before loadEntry');
        setGlobal('params', params);
        // Called as plain functions: the user's `this` is undefined and its frame is named `strategy`.
        const fn = entry.fn;
        const result =
          entry.style === 'event'
            ? await runOnBar(fn as OnBarFn, data, params, library)
            : await (fn as StrategyFn)(data, params);
        return { ok: true, output: copyOutput(result, maxOutputBytes) };
      } catch (thrown) {
        return { ok: false, error: describeThrown(thrown) };
      }
    },
  };
}

type Found = Outcome<{ style: EntryStyle; fn: StrategyFn | OnBarFn; defaults: TreeNode }>;

function usage(message: string): Found {
  return { ok: false, usage: true, error: { name: 'Error', message, stack: '', sandbox: false } };
}

function findEntry(namespace: object, maxOutputBytes: number): Found {
  let defined: Record<string, unknown>;
  try {
    defined = (namespace as Record<string, Record<string, unknown>>)[ENTRY_EXPORT];
  } catch {
    // The appended export is still uninitialised: the module is suspended in a top-level await.
    return usage('top-level await is not supported: await inside strategy() or onBar() instead');
  }
  const vectorized = typeof defined.strategy === 'function';
  const events = [defined.onBar, defined.on_bar].filter((fn) => typeof fn === 'function');
  if (!vectorized && events.length === 0) {
    return usage('no strategy found: define `export function strategy(data, params)` or `export function onBar(ctx)`');
  }
  if (events.length + (vectorized ? 1 : 0) > 1) {
    return usage('define exactly one of strategy, onBar or on_bar');
  }
  const params = defined.params;
  if (params !== undefined && (typeof params !== 'object' || params === null || isArray(params))) {
    return usage('params must be an object of default values, e.g. export const params = { fast: 10 }');
  }
  const defaults =
    params === undefined ? null : copyOutput(params, Math.min(maxOutputBytes, MAX_DEFAULTS_BYTES), 'params');
  const fn = (vectorized ? defined.strategy : events[0]) as StrategyFn | OnBarFn;
  return { ok: true, style: vectorized ? 'vectorized' : 'event', fn, defaults };
}
