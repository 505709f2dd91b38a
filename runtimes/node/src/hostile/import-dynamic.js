// expect: CODE_REJECTED
// The static filter refuses it before anything runs (the attacks corpus shows the sandbox behind it).
// Dynamic import has no loader in the isolate.
export async function strategy() {
  const fs = await import('node:fs');
  return { entries: [], data: fs.readFileSync('/etc/passwd', 'utf8') };
}
