// expect: TIMEOUT
// Heavy work at every bar of an event-style strategy.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function onBar(ctx) {
  let x = 0;
  for (let i = 0; i < 1e9; i++) x += Math.sqrt(i);
  if (x > 0) ctx.buy();
}
