/**
 * The RuntimeInvoker of one machine: JavaScript and TypeScript go to the Node runtime (V8 isolates in a
 * child process), Python to the Python runtime (a zygote forking one child per job). Each is loaded
 * and started on first use, so commands that run no strategy of that language never start it.
 */
import type { RuntimeInvoker, StrategyJob, StrategyLanguage, StrategyRun } from '@stratex/core';

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

/** Loads a runtime module once, on first use. */
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
  const node = lazy(() => import('@stratex/runtime-node').then((m) => m.createNodeRuntime()));
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
