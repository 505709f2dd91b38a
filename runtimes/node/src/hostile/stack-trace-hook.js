// expect: ok
// V8's stack-trace hook shows file names of the frames: only the sandbox's own names appear.
export function strategy() {
  let files = [];
  Error.prepareStackTrace = (_, frames) => frames.map((f) => String(f.getFileName()));
  try {
    indicators.sma(data.close, -1);
  } catch (e) {
    files = e.stack;
  }
  Error.prepareStackTrace = undefined;
  return {
    entries: [],
    leaked: files.filter((f) => f !== 'strategy.js' && f !== 'stratex-sdk.js' && f !== 'undefined'),
  };
}
