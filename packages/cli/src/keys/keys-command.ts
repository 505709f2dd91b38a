/**
 * `stratex keys set|list|delete <provider>`: the exchange keys in the local encrypted key file. Keys are
 * read from flags or from prompts that do not echo; nothing but masks (`abcd…wxyz`) is ever printed.
 */
import { type KeyVault, type MaskedKeys, StratexError, toStratexError } from '@stratex/core';
import { readFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { reportError } from '../report-error.js';
import { hiddenReader, type PromptInput } from './read-hidden.js';

export const KEYS_HELP = `usage: stratex keys set <provider> [--api-key K] [--secret S] [--passphrase P] [--json]
       stratex keys list [--json]
       stratex keys delete <provider> [--json]

Keys live encrypted (AES-256-GCM) in STRATEX_HOME (default ~/.stratex): keys.enc, with its master key
in master.key (both mode 0600). Without --api-key/--secret, set asks for them without echoing;
prefer that: flags end up in your shell history. Alpaca needs keys for market data; Kraken and
Binance public candles do not.
`;

export interface KeysOptions {
  /** The vault (default: the local encrypted key file under STRATEX_HOME). */
  vault?: KeyVault;
  /** Where prompts read answers (default: process.stdin). */
  stdin?: PromptInput;
}

const FLAGS = {
  'api-key': { type: 'string' },
  secret: { type: 'string' },
  passphrase: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs the command and returns its exit code. */
export async function keysCommand(argv: string[], io: CliIo, options: KeysOptions = {}): Promise<number> {
  const json = argv.includes('--json');
  try {
    const { values, positionals } = parseFlags(argv);
    const [action, provider, ...extra] = positionals;
    if (values.help === true || action === undefined) {
      io.stdout.write(KEYS_HELP);
      return 0;
    }
    if (extra.length > 0) throw usage(`unexpected argument "${extra[0]}"`);
    if (!['set', 'list', 'delete'].includes(action)) throw usage(`unknown action "${action}"; use set, list or delete`);
    if (action !== 'list' && provider === undefined) {
      throw usage(`stratex keys ${action} needs a provider, e.g. kraken`);
    }
    const vault = options.vault ?? (await localVault());
    if (action === 'list' || provider === undefined) return print(io, json, await vault.list());
    if (action === 'delete') return await remove(io, json, vault, provider);
    return await store(io, json, vault, provider, values, options.stdin ?? process.stdin);
  } catch (err) {
    return reportError(io, toStratexError(err), json);
  }
}

function parseFlags(argv: string[]) {
  return readFlags(argv, FLAGS, 'keys');
}

const usage = (message: string) => new StratexError('INVALID_REQUEST', `${message}; see stratex keys --help`);

/** The local vault, imported only when a keys command runs. */
async function localVault(): Promise<KeyVault> {
  const { createLocalKeyVault } = await import('@stratex/local');
  return createLocalKeyVault();
}

type Flags = ReturnType<typeof parseFlags>['values'];

async function store(io: CliIo, json: boolean, vault: KeyVault, provider: string, flags: Flags, stdin: PromptInput) {
  let apiKey = flags['api-key'];
  let secret = flags.secret;
  if (apiKey === undefined || secret === undefined) {
    const reader = hiddenReader(stdin, io.stderr);
    try {
      apiKey ??= await reader.ask(`${provider} API key: `);
      secret ??= await reader.ask(`${provider} secret: `);
    } finally {
      reader.close();
    }
  }
  await vault.set(provider, {
    apiKey,
    secret,
    ...(flags.passphrase === undefined ? {} : { passphrase: flags.passphrase }),
  });
  const shown = (await vault.list()).find((entry) => entry.provider === provider);
  if (json) io.stdout.write(`${JSON.stringify({ stored: shown })}\n`);
  else io.stdout.write(`stored the keys for ${provider} (API key ${shown?.apiKey ?? '…'})\n`);
  return 0;
}

async function remove(io: CliIo, json: boolean, vault: KeyVault, provider: string) {
  if (!(await vault.delete(provider))) {
    throw new StratexError('NOT_FOUND', `no keys are stored for ${provider}`, { provider });
  }
  io.stdout.write(json ? `${JSON.stringify({ deleted: provider })}\n` : `deleted the keys for ${provider}\n`);
  return 0;
}

function print(io: CliIo, json: boolean, keys: MaskedKeys[]): number {
  if (json) {
    io.stdout.write(`${JSON.stringify({ keys })}\n`);
    return 0;
  }
  if (keys.length === 0) {
    io.stdout.write('no keys stored; add some with stratex keys set <provider>\n');
    return 0;
  }
  for (const entry of keys) {
    const passphrase = entry.passphrase === undefined ? '' : `  passphrase ${entry.passphrase}`;
    io.stdout.write(`${entry.provider.padEnd(10)}  API key ${entry.apiKey}  secret ${entry.secret}${passphrase}\n`);
  }
  return 0;
}
