/** The hostile and attack corpora: one `.js` file per case, its expected outcome in a `// expect:` line. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CaseFile {
  file: string;
  code: string;
  /** The `// expect:` line, e.g. `TIMEOUT or MEMORY_LIMIT`. */
  expected: string;
  /** Its codes, split at ` or `. */
  codes: string[];
  /** Marked `// filter: CODE_REJECTED`: the static validator refuses it before it runs. */
  filtered: boolean;
}

/** Every `.js` case in `dir`, sorted by name; a case without an `// expect:` line is a mistake in the corpus. */
export function readCaseFiles(dir: string): CaseFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const code = readFileSync(join(dir, file), 'utf8');
      const expected = /^\/\/ expect: (.+)$/m.exec(code)?.[1];
      if (expected === undefined) throw new Error(`${file} has no "// expect:" line`);
      const filtered = /^\/\/ filter: CODE_REJECTED$/m.test(code);
      return { file, code, expected, codes: expected.split(' or '), filtered };
    });
}
