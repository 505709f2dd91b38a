// expect: TIMEOUT
// The same thrown at the top level, where isolated-vm reads it: the wall-clock deadline ends it.
throw {
  get message() {
    for (;;) {}
  },
  get stack() {
    for (;;) {}
  },
};
