// expect: ok
// filter: CODE_REJECTED
// Searches every global, the global reached through Function, import.meta and stack traces for
// anything that looks like an environment or a host path; reports what it finds (nothing, it must be).
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(_data, p) {
  const found = [];
  const roots = [globalThis, Function('return this')(), import.meta];
  for (const root of roots) {
    for (const name of Object.getOwnPropertyNames(root)) {
      if (/^(process|env|module|Deno|Bun|global|os|Buffer)$/.test(name)) found.push(name);
    }
  }
  const text = [JSON.stringify(import.meta), new Error('x').stack, String(import.meta.url)].join('\n');
  if (text.includes(`${p.canaryEnv}=`) || /\/(work|home|root|tmp|usr)\//.test(text)) found.push(text);
  return { entries: [], leaked: found };
}
