/** Where the runtime finds its Python: the project's virtual environment unless told otherwise. */
import { existsSync } from 'node:fs';
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
