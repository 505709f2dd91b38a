import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StratexError } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { stripTypes } from '../strip-types.js';
import { LIMITS } from './rules.js';
import { validateStrategy } from './validate.js';

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');

function failure(code: string): StratexError {
  try {
    validateStrategy(code);
  } catch (error) {
    if (error instanceof StratexError) return error;
    throw error;
  }
  throw new Error('the strategy was accepted');
}

/** The strategy with `line` as its third line. */
function onLine3(line: string): string {
  return `// a strategy\nexport function strategy(data) {\n  ${line};\n  return { entries: [] };\n}\n`;
}

describe('static validation of JavaScript strategies', () => {
  it.each([
    ["const fs = require('fs')", "'require'"],
    ["const fs = import('fs')", 'import'],
    ['const env = process.env', "'process'"],
    ['const { env } = process', "'process'"],
    ["const f = Function('return this')", "'Function'"],
    ["const f = new Function('return 1')", "'Function'"],
    ["eval('1')", "'eval'"],
    ["const f = (0, eval)('1')", "'eval'"],
    ['const m = new WebAssembly.Memory({ initial: 1 })', "'WebAssembly'"],
    ['const s = new SharedArrayBuffer(8)', 'shared memory'],
    ['Atomics.wait(x, 0, 0)', 'shared memory'],
    ['const F = (() => {}).constructor', "'constructor'"],
    ["const F = data['constructor']", "'constructor'"],
    ['const F = data[`constructor`]', "'constructor'"],
    ['const { constructor: F } = data', "'constructor'"],
    ['const p = data.__proto__', "'__proto__'"],
    ["const o = { '__proto__': null }", "'__proto__'"],
    ['const u = import.meta.url', 'import.meta'],
    ['debugger', 'debugger'],
  ])('rejects %s with its line', (line, named) => {
    const error = failure(onLine3(line));
    expect(error.code).toBe('CODE_REJECTED');
    expect(error.details).toEqual({ line: 3 });
    expect(error.message).toContain(named);
    expect(error.message).toMatch(/\(line 3\)$/);
  });

  it.each([
    ["import fs from 'fs';", 'import'],
    ["export * from 'fs';", 're-exporting'],
    ["export { readFile } from 'fs';", 're-exporting'],
  ])('rejects module declarations: %s', (source) => {
    const error = failure(`// header\n${source}\nexport function strategy() { return { entries: [] }; }`);
    expect(error.code).toBe('CODE_REJECTED');
    expect(error.details).toEqual({ line: 2 });
  });

  it('accepts the same words where they only name a property, a label, a method or a class constructor', () => {
    const code = `
      const table = { process: 1, require: 2, eval: 3, constructor: 4 };
      class Book { constructor() { this.process = table.process; } eval() { return table.eval; } }
      process: for (;;) break process;
      export const params = { Function: 1 };
      export function strategy(data) {
        const o = Object.create(null);
        const key = 'x';
        o[key] = globalThis.Math.max(1, Reflect.ownKeys(table).length);
        return { entries: new Proxy([], {}), book: new Book(), o };
      }`;
    expect(() => validateStrategy(code)).not.toThrow();
  });

  it('accepts every JavaScript and TypeScript example', async () => {
    const files = readdirSync(examples).filter((file) => /\.(js|ts)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(join(examples, file), 'utf8');
      const code = file.endsWith('.ts') ? await stripTypes(source) : source;
      expect(() => validateStrategy(code), file).not.toThrow();
    }
  });

  it('keeps the user’s line through TypeScript type stripping', async () => {
    const ts = 'type Row = { a: number };\nconst n: number = 1;\nconst fs: unknown = require("fs");\n';
    expect(failure(await stripTypes(ts)).details).toEqual({ line: 3 });
  });

  it('reports a syntax error as STRATEGY_ERROR with its line and column, like V8', () => {
    const error = failure('export function strategy() {\n  return { entries: [] ;\n}\n');
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error.message).toMatch(/^SyntaxError: .* \(line 2\)$/);
    expect(error.details).toMatchObject({ line: 2 });
  });

  it('rejects code nested deeper than the limit at the line where it crosses it', () => {
    const depth = LIMITS.maxDepth;
    const code = `const x = 1;\nconst y =\n${'['.repeat(depth)}${']'.repeat(depth)};\n`;
    const error = failure(code);
    expect(error.code).toBe('CODE_REJECTED');
    expect(error.message).toContain(`deeper than ${depth} levels`);
    expect(error.details).toEqual({ line: 3 });
  });

  it('rejects code nested too deeply for the parser itself', () => {
    const error = failure(`const y = ${'('.repeat(100_000)}1${')'.repeat(100_000)};`);
    expect(error.code).toBe('CODE_REJECTED');
  });

  it('rejects more syntax nodes than the limit', () => {
    const code = `const big = [${'1,'.repeat(LIMITS.maxNodes)}];`;
    const error = failure(code);
    expect(error.code).toBe('CODE_REJECTED');
    expect(error.message).toContain('syntax nodes');
  });
});
