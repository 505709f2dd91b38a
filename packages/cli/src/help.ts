/** Help texts of the command line. */

export const MAIN_HELP = `stratex — run trading strategies safely, simulate them with one exact engine

usage:
  stratex backtest <file> --provider csv|synthetic|kraken|binance|binanceus|alpaca --symbol BTC/USD
                          --timeframe 1h --from 2022-01-01 --to 2023-01-01 [options]
  stratex serve [--port 8787] [--host 127.0.0.1] [--data file.csv] [--json]
  stratex <command> --help

commands:
  backtest   run a strategy file (.py, .js, .ts) over historical candles
  data       import, show, check (gaps) and backfill candles in the local store
  keys       set, list (masked) and delete exchange keys in the encrypted local key file
  serve      the HTTP API on local storage (npm start), for the local user's API key
  analyze, generate, paper   planned, not built yet

npm start runs stratex serve; npm start -- --example runs an example on synthetic data.
`;

export const BACKTEST_HELP = `usage: stratex backtest <file> [options]

data:
  --provider P        kraken | binance | binanceus | alpaca (through the local candle store),
                      csv (with --data) | synthetic (with --seed)
  --symbol S          e.g. BTC/USD on kraken, BTC/USDT on binance (a label for csv data)
  --timeframe T       1m 5m 15m 30m 1h 4h 1d 1w …
  --from DATE         first bar opening at or after DATE (ISO 8601, UTC unless an offset is given)
  --to DATE           bars opening before DATE; only closed bars are used
  --data FILE         the CSV for --provider csv: timestamp,open,high,low,close,volume (ms UTC bar opens)
  --seed N            seed of --provider synthetic (default 1)
  --warmup N          feed N bars before --from to the strategy without trading them

strategy and costs:
  --param k=v         override a parameter (repeatable; typed by the strategy's defaults)
  --cash 10000        starting cash
  --fee 0.001         fee as a fraction of every fill's notional
  --slippage 0.0005   buys fill at price × (1 + s), sells at price × (1 − s)
  --lot-size 1        round quantities down to multiples of this
  --timeout 10s       wall-clock limit of each strategy run
  --memory 256mb      memory limit of the strategy

output:
  --json              print the result JSON only (errors as JSON too)
  --export-trades F   write the trades as CSV
  --export-equity F   write the equity curve as CSV
  --report F          planned: an HTML report (not built yet)

exit codes: 0 ok, 1 the run failed, 2 invalid request or rejected code
`;

export const SERVE_HELP = `usage: stratex serve [options]

The HTTP API (docs/API.md) on local storage under STRATEX_HOME, until Ctrl-C.

  --port 8787         port to listen on (0: any free port)
  --host 127.0.0.1    address to listen on; anything but loopback is refused under the "process"
                      isolation profile (not a security boundary), allowed with a warning under bwrap
  --data FILE         the CSV the csv provider reads (requests never name host files)
  --json              print where it listens (and a new key) as one JSON line

API key: STRATEX_API_KEY, else one made at the first start and printed once (only its SHA-256 is kept
in STRATEX_HOME/api-key.sha256; delete that file to make a new key).
`;
