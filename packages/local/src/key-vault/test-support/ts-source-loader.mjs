// Lets a plain `node` child process import this repository's TypeScript sources, as vitest does in
// the test process: `.js` specifiers that name a `.ts` file resolve to it, and `.ts` files are
// transpiled (types dropped, nothing checked). Start the child with
// `--conditions=@stratex/source --import <this file>` so workspace packages resolve to their sources.
//
// With STRATEX_TS_CACHE set to a directory, transpiled files are kept there by content hash and
// TypeScript is not even loaded when all are: several children then start in a fraction of the time
// (loading and transpiling ~50 files costs ~2 s of CPU per child).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

// Imported by `--import` on the main thread, it registers itself; Node then loads it again on its
// hooks thread, where it only provides the hooks below.
if (isMainThread) register(import.meta.url);

const cacheDir = process.env.STRATEX_TS_CACHE;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.{1,2}\/.*\.js$/.test(specifier)) throw err;
    return next(specifier.replace(/\.js$/, '.ts'), context);
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: await transpiled(url, text), shortCircuit: true };
}

async function transpiled(url, text) {
  const cached = cacheDir && join(cacheDir, `${createHash('sha256').update(url).update(text).digest('hex')}.js`);
  if (cached) {
    try {
      return await readFile(cached, 'utf8');
    } catch {}
  }
  const { default: ts } = await import('typescript');
  const { outputText } = ts.transpileModule(text, {
    fileName: url,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  if (cached) {
    await mkdir(cacheDir, { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    await writeFile(temp, outputText);
    await rename(temp, cached);
  }
  return outputText;
}
