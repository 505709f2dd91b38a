"""Run backtesting.py 0.6 on real candles and print, as JSON, what stratex's metrics need to be
compared with it: the bars, backtesting.py's equity curve and closed trades, and its statistics.

Usage: bt_crosscheck.py CSV [--rows FROM:TO] [--drop-weekends] [--resample RULE]
                            [--fast N] [--slow N] [--cash X] [--commission F]

The strategy is an SMA cross that goes long on a golden cross and short on a death cross (each
reversal closes the open trade first), so trades of both sides, with fees, are in the sample.
Statistics come from `compute_stats(..., strategy_instance=None)`: buy & hold then starts at the
first bar, like stratex's (whose warm-up bars are not counted bars); `Backtest.run()` would start
it after the indicators' warm-up instead.
"""
import argparse
import json
import math
import sys
import warnings

import numpy as np
import pandas as pd
from backtesting import Backtest, Strategy
from backtesting._stats import compute_stats
from backtesting.lib import crossover

warnings.filterwarnings('ignore')

DAY = pd.Timedelta(days=1)

# backtesting.py's statistic → stratex's metric name.
NAMES = {
    'Exposure Time [%]': 'exposurePct',
    'Equity Final [$]': 'equityFinal',
    'Equity Peak [$]': 'equityPeak',
    'Return [%]': 'returnPct',
    'Buy & Hold Return [%]': 'buyHoldReturnPct',
    'Return (Ann.) [%]': 'returnAnnPct',
    'Volatility (Ann.) [%]': 'volatilityAnnPct',
    'CAGR [%]': 'cagrPct',
    'Sharpe Ratio': 'sharpe',
    'Sortino Ratio': 'sortino',
    'Calmar Ratio': 'calmar',
    'Alpha [%]': 'alphaPct',
    'Beta': 'beta',
    'Max. Drawdown [%]': 'maxDrawdownPct',
    'Avg. Drawdown [%]': 'avgDrawdownPct',
    'Max. Drawdown Duration': 'maxDrawdownDurationDays',
    'Avg. Drawdown Duration': 'avgDrawdownDurationDays',
    '# Trades': 'trades',
    'Win Rate [%]': 'winRatePct',
    'Best Trade [%]': 'bestTradePct',
    'Worst Trade [%]': 'worstTradePct',
    'Avg. Trade [%]': 'avgTradePct',
    'Max. Trade Duration': 'maxTradeDurationDays',
    'Avg. Trade Duration': 'avgTradeDurationDays',
    'Profit Factor': 'profitFactorOfReturns',
    'Expectancy [%]': 'expectancyPct',
    'SQN': 'sqn',
    'Kelly Criterion': 'kelly',
}


class SmaCross(Strategy):
    fast = 10
    slow = 30

    def init(self):
        close = self.data.Close
        self.sma_fast = self.I(lambda c: pd.Series(c).rolling(self.fast).mean(), close)
        self.sma_slow = self.I(lambda c: pd.Series(c).rolling(self.slow).mean(), close)

    def next(self):
        if crossover(self.sma_fast, self.sma_slow):
            self.position.close()
            self.buy(size=0.5)
        elif crossover(self.sma_slow, self.sma_fast):
            self.position.close()
            self.sell(size=0.5)


def load(path, rows, drop_weekends, resample):
    df = pd.read_csv(path)
    if rows:
        start, stop = (int(x) if x else None for x in rows.split(':'))
        df = df.iloc[start:stop]
    df.index = pd.to_datetime(df.pop('timestamp'), unit='ms')
    df.columns = ['Open', 'High', 'Low', 'Close', 'Volume']
    if drop_weekends:
        df = df[df.index.dayofweek < 5]
    if resample:
        agg = {'Open': 'first', 'High': 'max', 'Low': 'min', 'Close': 'last', 'Volume': 'sum'}
        df = df.resample(resample, label='left', closed='left').agg(agg).dropna()
    return df


def ms(ts):
    return pd.Timestamp(ts).value // 1_000_000


def plain(value):
    """A statistic as JSON: times in ms, durations in days, NaN and ±inf as null."""
    if isinstance(value, pd.Timestamp):
        return ms(value)
    if isinstance(value, pd.Timedelta):
        return value / DAY
    if value is None or value is pd.NaT:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('csv')
    parser.add_argument('--rows')
    parser.add_argument('--drop-weekends', action='store_true')
    parser.add_argument('--resample')
    parser.add_argument('--fast', type=int, default=10)
    parser.add_argument('--slow', type=int, default=30)
    parser.add_argument('--cash', type=float, default=10_000_000)
    parser.add_argument('--commission', type=float, default=0.001)
    args = parser.parse_args()

    data = load(args.csv, args.rows, args.drop_weekends, args.resample)
    bt = Backtest(data, SmaCross, cash=args.cash, commission=args.commission, finalize_trades=True)
    run = bt.run(fast=args.fast, slow=args.slow)
    closed = list(run._strategy.closed_trades)
    equity = run._equity_curve['Equity'].to_numpy()
    stats = compute_stats(trades=closed, equity=equity, ohlc_data=data, strategy_instance=None)

    times = [ms(t) for t in data.index]
    pnl = np.array([t.pl for t in closed])
    losses = abs(pnl[pnl < 0].sum())
    out = {
        'bars': {'time': times, 'close': data['Close'].tolist()},
        'equity': equity.tolist(),
        'trades': [{
            'side': 'long' if t.size > 0 else 'short',
            'size': abs(t.size),
            'entryBar': int(t.entry_bar), 'exitBar': int(t.exit_bar),
            'entryTime': times[t.entry_bar], 'exitTime': times[t.exit_bar],
            'entryPrice': t.entry_price, 'exitPrice': t.exit_price,
            'fees': t._commissions, 'pnl': t.pl, 'plPct': t.pl_pct,
        } for t in closed],
        'stats': {
            'startTime': plain(stats['Start']),
            'endTime': plain(stats['End']),
            'durationDays': plain(stats['Duration']),
            **{ours: plain(stats[theirs]) for theirs, ours in NAMES.items()},
        },
        # Computed here, apart from stratex, from the same trades: gross profit / gross loss in money.
        'profitFactorOfMoney': float(pnl[pnl > 0].sum() / losses) if losses else None,
    }
    json.dump(out, sys.stdout, allow_nan=False)


if __name__ == '__main__':
    main()
