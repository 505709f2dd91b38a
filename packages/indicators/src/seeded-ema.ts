/**
 * One EMA stage fed a value at a time, seeded TA-Lib style: its first value is the SMA of the first
 * `period` values it receives, then value += (x - value) * 2 / (period + 1). Chained indicators
 * (DEMA, TEMA, TRIX, MACD) feed one stage's output into the next, so each stage is seeded with the
 * SMA of its own first `period` inputs, exactly as TA-Lib's nested EMA calls do.
 */
export class SeededEma {
  /** The current EMA value; meaningful once `push` has returned true. */
  value = 0;
  private count = 0;
  private sum = 0;
  private readonly k: number;

  constructor(private readonly period: number) {
    this.k = 2 / (period + 1);
  }

  /** Feeds one value; returns true once the stage has a value (from its `period`-th input on). */
  push(x: number): boolean {
    if (this.count === this.period) {
      this.value = (x - this.value) * this.k + this.value;
      return true;
    }
    this.sum += x;
    this.count++;
    if (this.count < this.period) return false;
    this.value = this.sum / this.period;
    return true;
  }
}
