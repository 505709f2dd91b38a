/**
 * What the static filter refuses in a JavaScript strategy, and why (the reason goes into the user's
 * message). It mirrors the Python runtime's list: ways to run code built from strings, to reach the
 * host (modules, `process`), to climb from an object to its constructor or prototype, and the
 * built-ins the sandbox removes anyway. Globals like `globalThis`, `Reflect` and `Proxy` stay allowed:
 * they are harmless inside the isolate, which is the boundary, and legitimate code uses them.
 */

/** Identifiers that may not be referenced (or declared), with the reason shown to the user. */
export const BANNED_NAMES: ReadonlyMap<string, string> = new Map([
  ['require', 'strategies cannot load modules; data, indicators and params are globals'],
  ['process', 'strategies have no access to the host process'],
  ['eval', 'strategies cannot run code built from strings'],
  ['Function', 'strategies cannot run code built from strings'],
  ['WebAssembly', 'WebAssembly is not available to strategies'],
  ['SharedArrayBuffer', 'shared memory is not available to strategies'],
  ['Atomics', 'shared memory is not available to strategies'],
]);

/** Property names that may not be read or written, with the reason shown to the user. */
export const BANNED_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['constructor', 'reaching an object’s constructor is how sandbox escapes start'],
  ['__proto__', 'use Object.create / Object.getPrototypeOf instead'],
]);

/** Upper bounds on the shape of a strategy: a strategy is one readable file. */
export const LIMITS = {
  /** Syntax nodes (a 1,000-line strategy has ~10,000). */
  maxNodes: 200_000,
  /** Nesting of syntax nodes (a long `a + b + c …` chain nests one level per term). */
  maxDepth: 200,
} as const;
