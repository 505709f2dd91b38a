/** The readable summary of a backtest: what ran on which data, the metrics table, the verdicts, warnings. */
import type { Metrics, SucceededExecution } from '@stratex/core';

type Format = 'time' | 'number' | 'money' | 'count';

/** The metrics in backtesting.py's order and naming, so users of it can read them at a glance. */
const ROWS: [string, keyof Metrics, Format][] = [
  ['Start', 'startTime', 'time'],
  ['End', 'endTime', 'time'],
  ['Duration [days]', 'durationDays', 'number'],
  ['Exposure Time [%]', 'exposurePct', 'number'],
  ['Equity Final [$]', 'equityFinal', 'money'],
  ['Equity Peak [$]', 'equityPeak', 'money'],
  ['Return [%]', 'returnPct', 'number'],
  ['Buy & Hold Return [%]', 'buyHoldReturnPct', 'number'],
  ['Return (Ann.) [%]', 'returnAnnPct', 'number'],
  ['Volatility (Ann.) [%]', 'volatilityAnnPct', 'number'],
  ['CAGR [%]', 'cagrPct', 'number'],
  ['Sharpe Ratio', 'sharpe', 'number'],
  ['Sortino Ratio', 'sortino', 'number'],
  ['Calmar Ratio', 'calmar', 'number'],
  ['Alpha [%]', 'alphaPct', 'number'],
  ['Beta', 'beta', 'number'],
  ['Max. Drawdown [%]', 'maxDrawdownPct', 'number'],
  ['Avg. Drawdown [%]', 'avgDrawdownPct', 'number'],
  ['Max. Drawdown Duration [days]', 'maxDrawdownDurationDays', 'number'],
  ['Avg. Drawdown Duration [days]', 'avgDrawdownDurationDays', 'number'],
  ['# Trades', 'trades', 'count'],
  ['Win Rate [%]', 'winRatePct', 'number'],
  ['Best Trade [%]', 'bestTradePct', 'number'],
  ['Worst Trade [%]', 'worstTradePct', 'number'],
  ['Avg. Trade [%]', 'avgTradePct', 'number'],
  ['Max. Trade Duration [days]', 'maxTradeDurationDays', 'number'],
  ['Avg. Trade Duration [days]', 'avgTradeDurationDays', 'number'],
  ['Profit Factor', 'profitFactor', 'number'],
  ['Expectancy [%]', 'expectancyPct', 'number'],
  ['SQN', 'sqn', 'number'],
  ['Kelly Criterion', 'kelly', 'number'],
];

const LOOK_AHEAD_TEXT: Record<string, string> = {
  'none-detected': 'none detected (re-run on 50/75/90 % of the bars gave the same signals)',
  detected: 'DETECTED — the strategy uses data from later bars; its results are not trustworthy',
  'not-applicable': 'not applicable (on_bar strategies only see the past)',
  inconclusive: 'inconclusive (see the warnings)',
};

/** Time as `2022-01-01 00:00` (UTC). */
function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function formatValue(value: number | null, format: Format): string {
  if (value === null) return '—';
  if (format === 'time') return `${formatTime(value)} UTC`;
  if (format === 'count') return String(value);
  if (format === 'money') return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const digits = Math.abs(value) >= 1000 ? 1 : Math.abs(value) >= 1 ? 3 : 4;
  return value.toFixed(digits).replace(/\.?0+$/, '') || '0';
}

/** The summary text, ending with a newline. */
export function formatSummary(file: string, result: SucceededExecution): string {
  const { request, diagnostics: d, metrics } = result;
  const params = Object.entries(request.parameters)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(' ');
  const first = result.equity.time[0];
  const last = result.equity.time[result.equity.time.length - 1];
  const lines = [
    `${file} — ${request.symbol} ${request.timeframe} from ${request.providerId}${request.seed === undefined ? '' : ` (seed ${request.seed})`}`,
    `  data        ${formatTime(first)} → ${formatTime(last)} UTC (bar opens): ${d.bars} bars` +
      `${d.warmupBars > 0 ? ` + ${d.warmupBars} warm-up` : ''}, ${d.gaps} gaps (${d.missingBars} missing bars), ${d.duplicatesDropped} duplicates dropped`,
    `  parameters  ${params === '' ? '(none)' : params}`,
    `  costs       cash ${request.cash}, fee ${request.fee}, slippage ${request.slippage}, lot size ${request.lotSize}`,
    `  trades      ${result.trades.length} (${result.signals.length} signals acted on)`,
    `  look-ahead  ${LOOK_AHEAD_TEXT[d.lookAhead] ?? d.lookAhead}${d.lookAheadBar === undefined ? '' : ` at bar ${d.lookAheadBar} (${formatTime(result.equity.time[d.lookAheadBar])} UTC)`}`,
    '',
    ...metricTable(metrics),
    '',
    ...d.warnings.map((warning) => `warning: ${warning}`),
    ...(d.logs === ''
      ? []
      : [
          'strategy output:',
          ...d.logs
            .trimEnd()
            .split('\n')
            .map((line) => `  | ${line}`),
        ]),
    `${result.id} · ${d.durationMs} ms (strategy ${d.strategyMs} ms, look-ahead check ${d.lookAheadMs} ms) · ` +
      `${d.runtime} runtime, isolation ${d.isolation} · engine ${d.engineVersion} · data ${d.dataHash.slice(0, 19)}…`,
  ];
  return `${lines.join('\n')}\n`;
}

function metricTable(metrics: Metrics): string[] {
  const width = Math.max(...ROWS.map(([label]) => label.length));
  return ROWS.map(([label, key, format]) => `  ${label.padEnd(width)}  ${formatValue(metrics[key], format)}`);
}
