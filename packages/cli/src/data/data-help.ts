/** Help text of `stratex data`. */

export const DATA_HELP = `usage: stratex data <import|show|gaps|backfill> [options]

  import <file.csv> --provider P --symbol S --timeframe T
        store a candle CSV (timestamp,open,high,low,close,volume) as one series; reports bars,
        new/replaced/unchanged, duplicates, gaps and data quality (OHLC, negatives, order)
  show [--provider P] [--symbol S] [--timeframe T]
        the stored series: bars, first and last bar, gaps
  gaps --provider P --symbol S --timeframe T [--all] [--repair]
        the runs of missing bars (the first 20 unless --all); --repair asks the provider again
        for them (bars are never invented: what the provider does not have stays missing)
  backfill --provider P --symbol S --timeframe T --from DATE [--to DATE]
        fetch from the exchange into the store, resuming where an interrupted run stopped;
        progress (bars/s, ETA) on stderr

  --json      machine-readable output on stdout
The store lives under STRATEX_HOME (default ~/.stratex). Kraken's API serves only its latest 720
bars: older Kraken history comes from its downloadable OHLCVT files through \`data import\`.
`;
