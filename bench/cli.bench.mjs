// CLI benchmark: the issue-5 command (`stratex backtest examples/sma_cross.js` on one year of hourly
// Kraken bars with --json) as a user runs it, wall time including Node's start, three ways — the bin
// with node, node_modules/.bin/stratex, and npx stratex (npx's own start reported apart) — plus the
// packages without the CLI's bundle, and where the time of one run goes. Run by scripts/bench.mjs
// against the built packages; it refreshes the bundles first (scripts/bench.mjs only runs tsc).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.STRATEX_SHARED_DATA ?? resolve(root, '..', 'shared', 'data');
const CSV = join(shared, 'kraken_BTCUSD_1h_2022.csv');
const TARGET_MS = 500;
const ROUNDS = 11;

const bundled = spawnSync(process.execPath, [join(root, 'packages/cli/scripts/bundle.mjs')], { encoding: 'utf8' });
if (bundled.status !== 0) throw new Error(`bundling failed: ${bundled.stderr}`);

// The command of issue 5, with the data path relative to the checkout as in the issue when it is there.
const data = existsSync(join(root, '../shared/data/kraken_BTCUSD_1h_2022.csv'))
  ? '../shared/data/kraken_BTCUSD_1h_2022.csv'
  : CSV;
const ARGS = [
  'backtest',
  'examples/sma_cross.js',
  ...['--provider', 'csv', '--data', data, '--symbol', 'BTC/USD', '--timeframe', '1h'],
  ...['--from', '2022-01-01', '--to', '2023-01-01', '--param', 'fast=10', '--param', 'slow=30', '--fee', '0.001'],
  '--json',
];
const bin = join(root, 'packages/cli/bin/stratex.js');
const env = { ...process.env };
delete env.STRATEX_NO_BUNDLE;

const ways = {
  'node packages/cli/bin/stratex.js …': [process.execPath, [bin, ...ARGS], env],
  'node_modules/.bin/stratex …': [join(root, 'node_modules/.bin/stratex'), ARGS, env],
  'npx stratex …': ['npx', ['stratex', ...ARGS], env],
  'node bin … without the bundle (STRATEX_NO_BUNDLE=1)': [
    process.execPath,
    [bin, ...ARGS],
    { ...env, STRATEX_NO_BUNDLE: '1' },
  ],
  'node -e 0 (Node start alone)': [process.execPath, ['-e', '0'], env],
  'npx --no-install stratex --help (npx start + CLI help)': ['npx', ['--no-install', 'stratex', '--help'], env],
  'node_modules/.bin/stratex --help': [join(root, 'node_modules/.bin/stratex'), ['--help'], env],
};

function runOnce([command, args, runEnv]) {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, env: runEnv, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Warm the file cache and the SDK bundle's stamps, then interleave the ways so load hits them alike.
for (const way of Object.values(ways)) runOnce(way);
const walls = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, way] of Object.entries(ways)) walls[name].push(runOnce(way).ms);
}
const result = JSON.parse(runOnce(ways['node packages/cli/bin/stratex.js …']).stdout);

// Where one run's time goes: a preload (this bench's, not the CLI's) notes when the bin starts, when
// the runtime child is spawned, every frame between host and child (ready, each job and its reply:
// the strategy run, then the three look-ahead re-runs), the result written to stdout, and the exit.
const preload = join(mkdtempSync(join(tmpdir(), 'stratex-cli-bench-')), 'timeline.mjs');
writeFileSync(preload, timelinePreload(pathToFileURL(join(root, 'runtimes/node/dist/frame-channel.js')).href));
const timelines = [];
for (let round = 0; round < ROUNDS; round++) {
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(preload).href, bin, ...ARGS], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = run.stderr.split('\n').find((l) => l.startsWith('TIMELINE '));
  if (run.status !== 0 || line === undefined) throw new Error(`timeline run failed: ${run.stderr}`);
  timelines.push(JSON.parse(line.slice('TIMELINE '.length)));
}

const stageNames = [
  ['Node start (process start → the bin runs)', (t) => t.bin],
  ['CLI load, flags, isolation probe → runtime child spawned', (t) => t.spawn - t.bin],
  ['runtime child start: bwrap + node --no-node-snapshot + SDK isolate (CSV read meanwhile)', (t) => t.ready - t.spawn],
  ['wait for the data after the child is ready', (t) => t.jobs[0].sent - t.ready],
  ['strategy run (job 1: data to the child, fresh isolate, output back)', (t) => t.jobs[0].done - t.jobs[0].sent],
  ['engine (normalise + simulate) before the look-ahead re-runs', (t) => t.jobs[1].sent - t.jobs[0].done],
  ['look-ahead re-runs (3 prefixes, one child, back to back)', (t) => t.jobs[3].done - t.jobs[1].sent],
  ['result, JSON and stdout', (t) => t.written - t.jobs[3].done],
  ['exit', (t) => t.exit - t.written],
  ['total (process start → exit, in the process)', (t) => t.exit],
];
const stages = stageNames.map(([name, of]) => [name, timelines.map(of)]);

const fmt = (x) => x.toFixed(0);
const row = (name, ms, target = '') =>
  `| ${name} | ${fmt(median(ms))} | ${fmt(Math.min(...ms))} | ${ms.length} | ${target} |`;
const npxOverhead = median(walls['npx stratex …']) - median(walls['node_modules/.bin/stratex …']);
const target = `< ${TARGET_MS} ms`;

process.stdout.write(
  [
    '## CLI',
    '',
    `\`stratex backtest examples/sma_cross.js --provider csv --data ${data} --symbol BTC/USD --timeframe 1h --from 2022-01-01 --to 2023-01-01 --param fast=10 --param slow=30 --fee 0.001 --json\` (issue 5: ${result.diagnostics.bars.toLocaleString('en-US')} bars, ${result.metrics.trades} trades, look-ahead check with 3 re-runs, isolation ${result.diagnostics.isolation}), run from the checkout. Wall time of the whole process including Node's start, runs interleaved; median and best of ${ROUNDS}.`,
    '',
    '| command | median ms | best ms | runs | target |',
    '|---|---:|---:|---:|---|',
    row('node packages/cli/bin/stratex.js …', walls['node packages/cli/bin/stratex.js …'], target),
    row('node_modules/.bin/stratex …', walls['node_modules/.bin/stratex …'], target),
    row('npx stratex …', walls['npx stratex …'], `${target} + npx`),
    `| npx's own start (npx stratex … − .bin/stratex …, medians) | ${fmt(npxOverhead)} | | | |`,
    row(
      'node bin … without the bundle (STRATEX_NO_BUNDLE=1: the packages module by module)',
      walls['node bin … without the bundle (STRATEX_NO_BUNDLE=1)'],
    ),
    row('node -e 0 (Node start alone)', walls['node -e 0 (Node start alone)']),
    row('node_modules/.bin/stratex --help', walls['node_modules/.bin/stratex --help']),
    row('npx --no-install stratex --help', walls['npx --no-install stratex --help (npx start + CLI help)']),
    '',
    `Where the time of one run goes (\`node bin …\` with a timing preload of this bench, median and best of ${ROUNDS} per stage; stages are consecutive on the critical path, so their medians add up to about the total; the CSV is read and parsed while the child starts):`,
    '',
    '| stage | median ms | best ms | runs | |',
    '|---|---:|---:|---:|---|',
    ...stages.map(([name, ms]) => row(name, ms, name.startsWith('total') ? target : '')),
    '',
  ].join('\n'),
);

/** The preload's source: timestamps (ms since the process started) of the run's milestones. */
function timelinePreload(frameChannelUrl) {
  return `
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { FrameReader } from ${JSON.stringify(frameChannelUrl)};
const t = { bin: performance.now(), jobs: [] };
const now = () => performance.now();
const spawn = childProcess.spawn;
childProcess.spawn = function (command, args, options) {
  const child = spawn.call(this, command, args, options);
  if (t.spawn === undefined && Array.isArray(args) && args.includes('--no-node-snapshot')) {
    t.spawn = now();
    const channel = child.stdio[3];
    const reader = new FrameReader({ maxHeaderBytes: 2 ** 30, maxBodyBytes: 2 ** 31 }, (frame) => {
      const message = frame.header;
      if (message.type === 'ready') t.ready ??= now();
      else t.jobs.find((job) => job.id === message.id && job.done === undefined).done = now();
    });
    channel.on('data', (chunk) => reader.push(chunk));
    const write = channel.write;
    channel.write = function (chunk, ...rest) {
      if (chunk.length > 20 && Buffer.from(chunk.subarray(0, 20)).toString().startsWith('{"h":{"type":"job"')) {
        t.jobs.push({ id: JSON.parse(Buffer.from(chunk).toString()).h.id, sent: now() });
      }
      return write.call(this, chunk, ...rest);
    };
  }
  return child;
};
syncBuiltinESMExports();
const stdoutWrite = process.stdout.write;
process.stdout.write = function (...args) {
  const result = stdoutWrite.apply(this, args);
  t.written = now();
  return result;
};
process.on('exit', () => {
  t.exit = now();
  process.stderr.write('TIMELINE ' + JSON.stringify(t) + '\\n');
});
`;
}
