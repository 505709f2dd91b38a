/**
 * Shapes the isolate's global object before user code runs: our console, the indicator library,
 * a `require` that reports a sandbox violation, and no SharedArrayBuffer, Atomics or WebAssembly.
 *
 * Why those three go: SharedArrayBuffer and Atomics.wait can block a thread on memory nobody will
 * ever notify; WebAssembly memories are reserved outside the isolate's heap limit (a strategy could
 * reserve gigabytes) and its compiler adds an attack surface a signal strategy has no use for.
 */
import { createConsole } from './console.js';
import { defineProperty, freeze } from './intrinsics.js';
import { sandboxViolation } from './sandbox-violation.js';

const REMOVED = ['SharedArrayBuffer', 'Atomics', 'WebAssembly'];

/** Installs the strategy-facing globals; `send` receives console output. */
export function hardenGlobals(send: (text: string) => void, indicators: object): void {
  const global = globalThis as Record<string, unknown>;
  for (const name of REMOVED) delete global[name];
  setGlobal('console', createConsole(send));
  setGlobal('indicators', freeze({ ...indicators }));
  setGlobal('require', function require(name?: unknown): never {
    const what = typeof name === 'string' ? `require('${name.slice(0, 100)}')` : 'require';
    throw sandboxViolation(
      `${what} is not available: strategies run without modules, files or network; use the injected data and indicators`,
    );
  });
}

/** Defines a global binding the strategy may shadow or reassign in its own code. */
export function setGlobal(name: string, value: unknown): void {
  defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
}
