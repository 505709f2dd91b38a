// expect: TIMEOUT
// A strategy that never returns: isolated-vm's timeout terminates it.
export function strategy() {
  while (true) {}
}
