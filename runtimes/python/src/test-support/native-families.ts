/** Test support (not built): the native kernel families, by their C sources and by their built modules. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from '../python-path.js';

/** Families with a C source in runtimes/python/native. */
export function sourceFamilies(): string[] {
  return readdirSync(join(packageDir, 'native'))
    .filter((f) => f.endsWith('.c'))
    .map((f) => f.slice(0, -2))
    .sort();
}

/** Families whose extension module was built into stratex/_native. */
export function builtFamilies(): string[] {
  return readdirSync(join(packageDir, 'stratex', '_native'))
    .filter((f) => f.endsWith('.so'))
    .map((f) => f.split('.')[0])
    .sort();
}
