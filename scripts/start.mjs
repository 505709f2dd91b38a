#!/usr/bin/env node
// `npm start` is `stratex serve` (CONTRACT.md section 5): the HTTP API on local storage, with a curl line
// to try it. `npm start -- --example` runs an example strategy on synthetic candles instead and prints
// its summary; other arguments go to serve (`npm start -- --port 9000`).
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The local store talks to its embedded DynamoDB through the AWS SDK, whose notice about a future Node 22
// floor would print at every start (as bin/stratex.js does, before the SDK loads).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('@stratex/cli');

// `npm start | head` closes the pipe early: not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const args = process.argv.slice(2);
if (args.includes('--example')) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const example = relative(process.cwd(), join(root, 'examples', 'sma_cross.js')) || 'sma_cross.js';
  const backtest = ['backtest', example, '--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'];
  backtest.push('--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30');
  backtest.push('--fee', '0.001');
  process.stdout.write(`$ stratex ${backtest.join(' ')}\n\n`);
  process.exitCode = await main(backtest);
  process.stdout.write('\nTry the other examples in examples/, or `npx stratex backtest --help`.\n');
} else {
  process.stdout.write(
    `$ stratex serve ${args.join(' ')}\n(npm start -- --example runs an example backtest instead)\n\n`,
  );
  process.exitCode = await main(['serve', ...args]);
}
