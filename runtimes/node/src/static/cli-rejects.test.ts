/**
 * The filter as a user meets it: `stratex backtest` on a file with `require('fs')` on line 3 exits 2
 * with CODE_REJECTED and that line, before any candle is fetched or any code runs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@stratex/cli';
import { describe, expect, it } from 'vitest';

const STRATEGY = `// reads a file it should not
export function strategy(data) {
  const fs = require('fs');
  return { entries: data.close.map(() => false) };
}
`;

describe('stratex backtest on a strategy the static filter rejects', () => {
  it('exits 2 with CODE_REJECTED and the line of require', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stratex-rejected-')), 'reads-fs.js');
    writeFileSync(file, STRATEGY);
    let stdout = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } };
    const argv = ['backtest', file, '--provider', 'synthetic', '--symbol', 'BTC/USD', '--timeframe', '1h'];
    const code = await main([...argv, '--from', '2022-01-01', '--to', '2022-02-01', '--json'], io);
    expect(code).toBe(2);
    const body = JSON.parse(stdout);
    expect(body.error.code).toBe('CODE_REJECTED');
    expect(body.error.details.line).toBe(3);
    expect(body.error.message).toContain("'require'");
  });
});
