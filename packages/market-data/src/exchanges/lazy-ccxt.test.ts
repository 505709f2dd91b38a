import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every non-test source file of the package, relative to src. */
async function sources(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...(await sources(join(dir, entry.name), path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

describe('ccxt is loaded lazily', () => {
  it('no source file imports ccxt at its top level (only `import type` and `await import`)', async () => {
    const src = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    for (const file of await sources(src)) {
      const text = await readFile(join(src, file), 'utf8');
      if (
        /^\s*import\s+(?!type\b)[^;]*from\s+['"]ccxt['"]/m.test(text) ||
        /^\s*export[^;]*from\s+['"]ccxt['"]/m.test(text)
      ) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
    expect(await readFile(join(src, 'exchanges', 'load-exchange.ts'), 'utf8')).toMatch(/await import\('ccxt'\)/);
  });
});
