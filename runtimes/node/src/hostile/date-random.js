// expect: ok
// Date and Math.random work as usual.
export function strategy(data) {
  const now = Date.now();
  const entries = Array.from({ length: data.length }, () => Math.random() < 0.1);
  return { entries, leaked: now > 0 && new Date(0).toISOString() === '1970-01-01T00:00:00.000Z' ? [] : ['date'] };
}
