/**
 * The CLI's bundle (scripts/bundle.mjs), made into a directory of its own and run in its own process:
 * same result as the packages it was made from, the runtimes still finding their files beside dist.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { repoRoot } from '../../../testing/shared-data.js';

const bin = join(repoRoot, 'packages/cli/bin/stratex.js');

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const SYNTHETIC_YEAR = ['--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'];
SYNTHETIC_YEAR.push('--from', '2022-01-01', '--to', '2023-01-01', '--json');

/** A result without what differs from run to run: its id and the durations. */
function comparable(stdout: string): unknown {
  const { id: _id, diagnostics, ...rest } = JSON.parse(stdout);
  return { ...rest, diagnostics: Object.fromEntries(Object.entries(diagnostics).filter(([k]) => !k.endsWith('Ms'))) };
}

describe('the bundle of the CLI', () => {
  it('gives the same results as the packages it was made from (JavaScript and TypeScript)', () => {
    // Inside the checkout, as the real one: packages outside the workspace resolve from node_modules.
    const outdir = join(repoRoot, 'packages/cli/dist', `bundle-test-${process.pid}`);
    onTestFinished(() => rmSync(outdir, { recursive: true, force: true }));
    const made = run([join(repoRoot, 'packages/cli/scripts/bundle.mjs'), '--outdir', outdir]);
    expect(made.code, made.stderr).toBe(0);
    const entry = pathToFileURL(join(outdir, 'stratex.js')).href;
    for (const example of ['examples/sma_cross.js', 'examples/rsi_reversion.ts']) {
      const argv = ['backtest', example, ...SYNTHETIC_YEAR];
      const bundled = run([
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify(argv)});`,
      ]);
      const packages = run([bin, ...argv], { ...process.env, STRATEX_NO_BUNDLE: '1' });
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(packages.code, packages.stderr).toBe(0);
      expect(comparable(bundled.stdout)).toEqual(comparable(packages.stdout));
      expect(JSON.parse(bundled.stdout).diagnostics).toMatchObject({ runtime: 'node', lookAhead: 'none-detected' });
    }
  });
});
