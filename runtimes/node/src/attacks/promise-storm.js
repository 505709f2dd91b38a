// expect: MEMORY_LIMIT or TIMEOUT
// Millions of promises waiting on each other: memory or time runs out, in the isolate.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy() {
  const all = [];
  for (let i = 0; ; i++) all.push(new Promise((resolve) => resolve(i)).then((v) => v + 1));
}
