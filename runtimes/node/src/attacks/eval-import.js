// expect: SANDBOX_VIOLATION
// filter: CODE_REJECTED
// import() hidden in eval'd code still has no loader.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export async function strategy(_data, p) {
  // biome-ignore lint/security/noGlobalEval: eval is the attack
  const fs = await eval("import('node:fs')");
  return { entries: [], stolen: fs.readFileSync(p.canaryPath, 'utf8') };
}
