/**
 * The RuntimeInvoker of one machine: JavaScript and TypeScript go to the Node runtime (V8 isolates in a
 * child process), Python to the Python runtime (a zygote forking one child per job). Each is started
 * on first use, so commands that run no strategy of that language never start it. The Python runtime
 * is also imported then; the Node runtime's module is small and imported with this one, so that
 * warmUp() spawns its child at once, before the caller goes on to read the data (its start is the
 * longest step of a short backtest).
 */
import type { RuntimeInvoker, StrategyJob, StrategyLanguage, StrategyRun } from '@stratex/core';
import { createNodeRuntime } from '@stratex/runtime-node';

/** A runtime that can also be shut down (its child processes ended) once the caller is done. */
export interface ClosableRuntime extends RuntimeInvoker {
  /** Starts the runtime of `language` now, so its start overlaps with reading the data. */
  warmUp(language: StrategyLanguage): void;
  close(): Promise<void>;
}

interface StartableRuntime extends RuntimeInvoker {
  /** Starts the runtime now; the Node runtime also preloads the TypeScript stripper for `typescript`. */
  ready(language?: StrategyLanguage): Promise<unknown>;
  close(): Promise<void>;
}

/** Creates a runtime once, on first use. */
function lazy(load: () => Promise<StartableRuntime>): { get(): Promise<StartableRuntime>; started(): boolean } {
  let runtime: Promise<StartableRuntime> | undefined;
  return {
    get: () => {
      runtime ??= load();
      return runtime;
    },
    started: () => runtime !== undefined,
  };
}

/** Runs each job in the runtime of its language. */
export function createLocalRuntimes(): ClosableRuntime {
  const node = lazy(async () => createNodeRuntime());
  const python = lazy(() => import('@stratex/runtime-python').then((m) => m.createPythonRuntime()));
  const runtimeFor = (language: StrategyLanguage) => (language === 'python' ? python : node);
  return {
    warmUp(language: StrategyLanguage): void {
      // A failed start shows again, with its contract error, when the job runs.
      runtimeFor(language)
        .get()
        .then((runtime) => runtime.ready(language))
        .catch(() => undefined);
    },
    async run(job: StrategyJob): Promise<StrategyRun> {
      return (await runtimeFor(job.language).get()).run(job);
    },
    async close(): Promise<void> {
      const started = [node, python].filter((r) => r.started());
      await Promise.all(started.map(async (r) => (await r.get().catch(() => undefined))?.close()));
    },
  };
}
