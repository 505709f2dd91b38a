#!/usr/bin/env node
// `npm start`: until `stratex serve` exists, run an example strategy on synthetic candles and print
// its summary, so a fresh clone shows what stratex does right after `npm install`.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '@stratex/cli';

// `npm start | head` closes the pipe early: not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = relative(process.cwd(), join(root, 'examples', 'sma_cross.js')) || 'sma_cross.js';
const args = ['backtest', example, '--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'];
args.push('--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30', '--fee', '0.001');

process.stdout.write(`$ stratex ${args.join(' ')}\n\n`);
process.exitCode = await main(args);
process.stdout.write('\nTry the other examples in examples/, or `npx stratex backtest --help`.\n');
