#!/usr/bin/env node
// `npm start` is `stratex serve` (CONTRACT.md section 5): the HTTP API on local storage, with a curl line
// to try it. `npm start -- --example` runs an example strategy on synthetic candles instead and prints
// its summary; other arguments go to serve (`npm start -- --port 9000`). Either way the command runs
// through the CLI's own bin (its set-up, and its bundle when fresh), as `npx stratex …` would.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let command;
if (args.includes('--example')) {
  const example = relative(process.cwd(), join(root, 'examples', 'sma_cross.js')) || 'sma_cross.js';
  command = ['backtest', example, '--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'];
  command.push('--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30');
  command.push('--fee', '0.001');
  process.stdout.write(
    `$ stratex ${command.join(' ')}\n(try the other examples in examples/, or \`npx stratex backtest --help\`)\n\n`,
  );
} else {
  command = ['serve', ...args];
  process.stdout.write(`$ stratex ${command.join(' ')}\n(npm start -- --example runs an example backtest instead)\n\n`);
}
const bin = join(root, 'packages', 'cli', 'bin', 'stratex.js');
process.argv = [process.argv[0], bin, ...command];
await import(pathToFileURL(bin).href);
