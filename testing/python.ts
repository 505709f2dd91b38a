/**
 * The project's Python environment (.venv, made by `npm install`). Tests that need it skip with
 * a visible message where it is absent, except under CI=true, where its absence is a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { repoRoot } from './shared-data.js';

export const venvPython = join(repoRoot, '.venv', 'bin', 'python');

function canImport(modules: string[]): boolean {
  if (!existsSync(venvPython)) return false;
  const probe = spawnSync(venvPython, ['-c', modules.map((m) => `import ${m}`).join('; ')], { stdio: 'ignore' });
  return probe.status === 0;
}

/** `describe` that runs only where the venv can import `modules` (e.g. ['backtesting']). */
export function describeWithPython(name: string, modules: string[], body: () => void): void {
  if (canImport(modules)) {
    describe(name, body);
    return;
  }
  const why = `the project's Python environment cannot import ${modules.join(', ')} (run \`npm run setup:peers\`)`;
  if (process.env.CI === 'true') throw new Error(`${name}: ${why}`);
  console.warn(`[skip] ${name}: ${why}`);
  describe.skip(name, body);
}
