// expect: ok
// Every browser or runtime networking API a script might try: none exists in the isolate.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy() {
  const apis = [
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'navigator',
    'Request',
    'importScripts',
    'postMessage',
    'Worker',
    'BroadcastChannel',
    'MessageChannel',
    'structuredClone',
    'queueMicrotask',
    'setTimeout',
    'setInterval',
    'setImmediate',
    'Deno',
    'Bun',
  ];
  return { entries: [], leaked: apis.filter((name) => typeof globalThis[name] !== 'undefined') };
}
