/** Simulation options (CONTRACT.md section 2): defaults filled in, every value checked. */
import { StratexError } from '../errors.js';
import { DEFAULT_SIMULATION_OPTIONS, type SimulationOptions } from '../types.js';

interface Rule {
  accepts(value: number): boolean;
  text: string;
}

const RULES: Record<keyof SimulationOptions, Rule> = {
  cash: { accepts: (v) => v > 0 && Number.isFinite(v), text: 'a finite number > 0' },
  fee: { accepts: (v) => v >= 0 && v < 1, text: 'a fraction in [0, 1)' },
  slippage: { accepts: (v) => v >= 0 && v < 1, text: 'a fraction in [0, 1)' },
  lotSize: { accepts: (v) => v >= 0 && Number.isFinite(v), text: 'a finite number ≥ 0 (0 = no rounding)' },
};

/** The defaults overridden by `options`; an out-of-range value is an INVALID_REQUEST naming it. */
export function resolveOptions(options: Partial<SimulationOptions> = {}): SimulationOptions {
  const pick = (name: keyof SimulationOptions): number => {
    const value = options[name];
    if (value === undefined) return DEFAULT_SIMULATION_OPTIONS[name];
    if (typeof value !== 'number' || !RULES[name].accepts(value)) {
      throw new StratexError('INVALID_REQUEST', `option ${name} must be ${RULES[name].text}; got ${String(value)}`, {
        option: name,
      });
    }
    return value;
  };
  // Built in one fixed order so every run's options object has the same shape.
  return { cash: pick('cash'), fee: pick('fee'), slippage: pick('slippage'), lotSize: pick('lotSize') };
}
