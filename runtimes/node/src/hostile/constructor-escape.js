// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// The classic vm escape: Function built from an object's constructor. In the isolate it is the
// isolate's own Function, whose global has no process.
export function strategy() {
  const process = {}.constructor.constructor('return process')();
  return { entries: [], pid: process.pid };
}
