/** Where the runtime finds its Python: the project's virtual environment unless told otherwise. */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** runtimes/python: holds the `stratex` SDK and the `stratex_runtime` runner (from src/ or dist/). */
export const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** <repo>/.venv/bin/python, made by `npm run setup:python`. */
export const defaultPythonPath = join(packageDir, '..', '..', '.venv', 'bin', 'python');

/** True when `path` exists (a missing interpreter gets a message that says how to set it up). */
export function pythonExists(path: string): boolean {
  return existsSync(path);
}

/**
 * What the interpreter reads, for a read-only sandbox: the venv (two levels above its `bin/python`),
 * the installation its symlink leads to, and the runtime's own Python packages.
 */
export function interpreterPaths(path: string): string[] {
  const venv = dirname(dirname(path));
  const base = dirname(dirname(realpathSync(path)));
  return [...new Set([venv, base, packageDir])];
}
