// expect: MEMORY_LIMIT or TIMEOUT
// A Map grown without end: its rehashing near the limit decides which limit comes first.
export function strategy() {
  const m = new Map();
  for (let i = 0; ; i++) m.set(i, i);
}
