/** The machine's clock, for the Clock port. */
import type { Clock } from '@stratex/core';

export const systemClock: Clock = { now: () => Date.now() };
