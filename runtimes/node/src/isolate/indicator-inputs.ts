/**
 * Which price columns each indicator of CONTRACT.md section 7 reads, so that `ctx.indicator('atr', 14)`
 * can fill in `high, low, close` itself. Names are camelCase; snake_case and any letter case are
 * accepted (`plus_di`, `PlusDI`).
 */
export type Column = 'timestamp' | 'open' | 'high' | 'low' | 'close' | 'volume';

const CLOSE: Column[] = ['close'];
const HLC: Column[] = ['high', 'low', 'close'];

export const INDICATOR_INPUTS: Record<string, Column[]> = {
  sma: CLOSE,
  ema: CLOSE,
  wma: CLOSE,
  dema: CLOSE,
  tema: CLOSE,
  kama: CLOSE,
  rsi: CLOSE,
  macd: CLOSE,
  bollinger: CLOSE,
  stddev: CLOSE,
  roc: CLOSE,
  mom: CLOSE,
  trix: CLOSE,
  stochRsi: CLOSE,
  atr: HLC,
  natr: HLC,
  adx: HLC,
  plusDi: HLC,
  minusDi: HLC,
  willr: HLC,
  cci: HLC,
  stoch: HLC,
  ultosc: HLC,
  aroon: ['high', 'low'],
  sar: ['high', 'low'],
  obv: ['close', 'volume'],
  mfi: ['high', 'low', 'close', 'volume'],
  vwap: ['high', 'low', 'close', 'volume', 'timestamp'],
};

const byFoldedName = new Map(Object.keys(INDICATOR_INPUTS).map((name) => [fold(name), name]));

function fold(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** The canonical (camelCase) name for what a strategy wrote, or undefined when there is none. */
export function canonicalIndicatorName(name: string): string | undefined {
  return byFoldedName.get(fold(name));
}
