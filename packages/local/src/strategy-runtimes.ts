/**
 * The RuntimeInvoker of one machine: JavaScript and TypeScript go to the Node runtime (V8 isolates in a
 * child process), loaded on first use so that commands that run no strategy never start it.
 */
import {
  type RuntimeInvoker,
  type StrategyJob,
  type StrategyLanguage,
  type StrategyRun,
  StratexError,
} from '@stratex/core';
import type { NodeRuntime } from '@stratex/runtime-node';

/** A runtime that can also be shut down (its child processes ended) once the caller is done. */
export interface ClosableRuntime extends RuntimeInvoker {
  /** Starts the runtime of `language` now, so its start overlaps with reading the data. */
  warmUp(language: StrategyLanguage): void;
  close(): Promise<void>;
}

/** Runs each job in the runtime of its language; `INVALID_REQUEST` for languages not built yet. */
export function createLocalRuntimes(): ClosableRuntime {
  let node: Promise<NodeRuntime> | undefined;
  const nodeRuntime = (): Promise<NodeRuntime> => {
    node ??= import('@stratex/runtime-node').then((module) => module.createNodeRuntime());
    return node;
  };
  return {
    warmUp(language: StrategyLanguage): void {
      if (language === 'python') return;
      // A failed start shows again, with its contract error, when the job runs.
      nodeRuntime()
        .then((runtime) => runtime.ready())
        .catch(() => undefined);
    },
    async run(job: StrategyJob): Promise<StrategyRun> {
      if (job.language === 'python') {
        throw new StratexError(
          'INVALID_REQUEST',
          'Python strategies are not built yet: write the strategy in JavaScript or TypeScript (.js, .ts) for now',
          { field: 'language' },
        );
      }
      return (await nodeRuntime()).run(job);
    },
    async close(): Promise<void> {
      if (node === undefined) return;
      const runtime = await node.catch(() => undefined);
      await runtime?.close();
    },
  };
}
