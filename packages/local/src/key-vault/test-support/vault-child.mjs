// A separate stratex process using the key vault of STRATEX_HOME, for the cross-process tests
// (key-file-lock.test.ts). Runs the TypeScript sources through ts-source-loader.mjs.
//
//   set <provider> <rounds>  prints "ready", waits for a line on stdin (so that all children start at once), then sets
//                            <provider>'s keys <rounds> times, round r's apiKey being `<provider>-key-<r>`
//   delete <provider>        prints "ready" and waits for a line like `set`, then deletes <provider>'s keys
//   hold                     takes the key file's lock, prints "held", and keeps it until killed
//   load                     only loads the modules (fills the transpile cache, STRATEX_TS_CACHE)
import { createInterface } from 'node:readline';
import { withKeyFileLock } from '../key-file-lock.ts';
import { createLocalKeyVault } from '../local-key-vault.ts';

const [command, provider, rounds] = process.argv.slice(2);
const home = process.env.STRATEX_HOME;

/** Resolves on the first line of stdin, once "ready" is printed (the modules are loaded by now). */
function go() {
  process.stdout.write('ready\n');
  return new Promise((start) => createInterface({ input: process.stdin }).once('line', start));
}

if (command === 'set') {
  await go();
  const vault = createLocalKeyVault({ home, lockWaitMs: 30_000 });
  for (let round = 0; round < Number(rounds); round += 1) {
    await vault.set(provider, { apiKey: `${provider}-key-${round}`, secret: `${provider}-secret-${round}` });
  }
  process.exit(0);
} else if (command === 'delete') {
  await go();
  await createLocalKeyVault({ home, lockWaitMs: 30_000 }).delete(provider);
  process.exit(0);
} else if (command === 'hold') {
  await withKeyFileLock(home, async () => {
    process.stdout.write('held\n');
    await new Promise(() => setInterval(() => {}, 60_000));
  });
} else if (command !== 'load') {
  throw new Error(`unknown command ${command}`);
}
