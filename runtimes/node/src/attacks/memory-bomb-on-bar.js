// expect: MEMORY_LIMIT
// Memory kept across bars of an event-style strategy.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
const keep = [];
export function onBar(ctx) {
  for (let i = 0; i < 100; i++) keep.push(new Float64Array(100_000).fill(ctx.bar));
}
