/**
 * The RuntimeInvoker of one machine: JavaScript and TypeScript go to the Node runtime (V8 isolates in a
 * child process), loaded on first use so that commands that run no strategy never start it.
 */
import { type RuntimeInvoker, type StrategyJob, type StrategyRun, StratexError } from '@stratex/core';

/** A runtime that can also be shut down (its child process ended) once the caller is done. */
export interface ClosableRuntime extends RuntimeInvoker {
  close(): Promise<void>;
}

type NodeRuntime = RuntimeInvoker & { close?: () => unknown; dispose?: () => unknown };

/** Runs each job in the runtime of its language; `INVALID_REQUEST` for languages not built yet. */
export function createLocalRuntimes(): ClosableRuntime {
  let node: Promise<NodeRuntime> | undefined;
  return {
    async run(job: StrategyJob): Promise<StrategyRun> {
      if (job.language === 'python') {
        throw new StratexError(
          'INVALID_REQUEST',
          'Python strategies are not built yet: write the strategy in JavaScript or TypeScript (.js, .ts) for now',
          { field: 'language' },
        );
      }
      node ??= import('@stratex/runtime-node').then((module: { createNodeRuntime?: () => NodeRuntime }) => {
        if (module.createNodeRuntime === undefined) throw new Error('the Node runtime is not built yet');
        return module.createNodeRuntime();
      });
      return (await node).run(job);
    },
    async close(): Promise<void> {
      if (node === undefined) return;
      const runtime = await node.catch(() => undefined);
      await (runtime?.close ?? runtime?.dispose)?.call(runtime);
    },
  };
}
