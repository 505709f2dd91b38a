/**
 * The keys a strategy may return (CONTRACT.md section 1) and how the two spellings map onto them.
 * Unknown keys are an error rather than ignored: a typo such as `stoploss` would otherwise run a
 * backtest silently without the stop the user meant.
 */

/** Canonical (snake_case) name of every key a strategy may return. */
export type OutputKey =
  | 'entries'
  | 'exits'
  | 'short_entries'
  | 'short_exits'
  | 'position'
  | 'size'
  | 'stop_loss'
  | 'take_profit'
  | 'trailing_stop'
  | 'indicators';

/** The keys that hold booleans, one per bar. */
export const BOOLEAN_KEYS = ['entries', 'exits', 'short_entries', 'short_exits'] as const;

/** The keys that hold a number per bar, or one number for every bar. */
export const LEVEL_KEYS = ['size', 'stop_loss', 'take_profit', 'trailing_stop'] as const;

const SPELLINGS: Record<string, OutputKey> = {
  entries: 'entries',
  exits: 'exits',
  short_entries: 'short_entries',
  shortEntries: 'short_entries',
  short_exits: 'short_exits',
  shortExits: 'short_exits',
  position: 'position',
  size: 'size',
  stop_loss: 'stop_loss',
  stopLoss: 'stop_loss',
  take_profit: 'take_profit',
  takeProfit: 'take_profit',
  trailing_stop: 'trailing_stop',
  trailingStop: 'trailing_stop',
  indicators: 'indicators',
};

/** The canonical key for a spelling the strategy used, or undefined when it is not a known key. */
export function canonicalKey(spelling: string): OutputKey | undefined {
  return Object.hasOwn(SPELLINGS, spelling) ? SPELLINGS[spelling] : undefined;
}

/** The known spelling closest to an unknown key, when it is close enough to be a likely typo. */
export function suggestKey(unknown: string): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');
  const target = squash(unknown);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const spelling of Object.keys(SPELLINGS)) {
    const distance = editDistance(target, squash(spelling));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = spelling;
    }
  }
  // Within two edits of a known key (ignoring case and separators) reads as a typo; further is a guess.
  return bestDistance <= 2 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
