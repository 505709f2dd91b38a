// expect: ok
// filter: CODE_REJECTED
// Error.prepareStackTrace hands over call-site objects: their this, function and file names must
// hold nothing of the host, even for errors raised inside the SDK and console.
export const params = { canaryPath: '', canaryPort: 0, canaryEnv: '' };
export function strategy(data) {
  const leaked = [];
  Error.prepareStackTrace = (_error, frames) => {
    for (const frame of frames) {
      const name = String(frame.getFileName());
      if (!['strategy.js', 'stratex-sdk.js', 'undefined', 'null'].includes(name)) leaked.push(name);
      for (const value of [frame.getThis(), frame.getFunction()]) {
        try {
          const found = value?.constructor?.constructor('return typeof process')();
          if (found !== undefined && found !== 'undefined') leaked.push(found);
        } catch {}
      }
    }
    return 'custom';
  };
  try {
    indicators.rsi(data.close, -5);
  } catch (e) {
    void e.stack;
  }
  console.log({
    toString() {
      throw new Error('in console');
    },
  });
  Error.prepareStackTrace = undefined;
  return { entries: [], leaked };
}
