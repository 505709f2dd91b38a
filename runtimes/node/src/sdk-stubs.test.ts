/**
 * The editor stubs (sdk/stratex.d.ts) must describe what the sandbox really offers: every indicator
 * the isolate gets is declared, and strategies written against the stubs typecheck.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as kernels from '@stratex/indicators';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SECTION_7_NAMES } from '../../../testing/section-7.js';
import { SDK_VERSION } from './sdk-version.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const stubPath = join(packageDir, 'sdk', 'stratex.d.ts');

const EXAMPLE = `/// <reference path="stratex.d.ts" />
export const params = { fast: 10, slow: 30 };
export function strategy(data: Stratex.Data, p: typeof params): Stratex.Result {
  const fast = indicators.sma(data.close, p.fast);
  const slow = indicators.ema(data.close, p.slow);
  const { upper } = indicators.bollinger(data.close, 20, 2);
  return { entries: indicators.crossAbove(fast, slow), exits: indicators.crossBelow(fast, slow), stopLoss: 0.02, indicators: { upper } };
}
export function onBar(ctx: Stratex.BarContext): void {
  const sma = ctx.indicator('sma', ctx.params.fast);
  const signal: Float64Array = ctx.indicator('macd', 12, 26, 9).signal;
  if (ctx.close[ctx.bar] > sma[ctx.bar] && signal.length > 0) ctx.buy({ size: 0.5, stopLoss: 0.03 });
  else ctx.closePosition();
}
`;

function program(example: string) {
  const host = ts.createCompilerHost({});
  const examplePath = join(packageDir, 'sdk', 'example.ts');
  const readFile = host.readFile;
  host.readFile = (path) => (path === examplePath ? example : readFile(path));
  const fileExists = host.fileExists;
  host.fileExists = (path) => path === examplePath || fileExists(path);
  return ts.createProgram({
    rootNames: [stubPath, examplePath],
    options: { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, types: [] },
    host,
  });
}

describe('sdk/stratex.d.ts', () => {
  it('typechecks a vectorized and an onBar strategy written against it', () => {
    const diagnostics = ts
      .getPreEmitDiagnostics(program(EXAMPLE))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('catches a misuse (the stubs are not `any`)', () => {
    const wrong = EXAMPLE.replace('ctx.buy({ size: 0.5, stopLoss: 0.03 })', 'ctx.buy({ sizee: 0.5 })');
    expect(ts.getPreEmitDiagnostics(program(wrong)).length).toBeGreaterThan(0);
  });

  it('declares every indicator of CONTRACT.md section 7, and only functions the isolate really gets', () => {
    const stub = readFileSync(stubPath, 'utf8');
    const block = stub.slice(stub.indexOf('interface Indicators {'));
    const declared = [...block.matchAll(/\n {4}(\w+)[(:]/g)].map((m) => m[1]);
    const library = kernels as unknown as Record<string, unknown>;
    expect(SECTION_7_NAMES.filter((name) => !declared.includes(name))).toEqual([]);
    expect(declared.filter((name) => library[name] === undefined)).toEqual([]);
  });

  it('carries the version of the package', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
