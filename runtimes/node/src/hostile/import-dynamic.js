// expect: SANDBOX_VIOLATION
// Dynamic import has no loader in the isolate.
export async function strategy() {
  const fs = await import('node:fs');
  return { entries: [], data: fs.readFileSync('/etc/passwd', 'utf8') };
}
