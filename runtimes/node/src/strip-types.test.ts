import { describe, expect, it } from 'vitest';
import { stripTypes } from './strip-types.js';

describe('stripTypes', () => {
  it('removes types and keeps every line and column where it was', async () => {
    const ts = [
      'interface Opts { fast: number }',
      'export const params: Opts = { fast: 10 };',
      'export function strategy(data: { close: Float64Array }, p: Opts): { entries: Uint8Array } {',
      '  const x = data.close as Float64Array;',
      '  throw new Error(String(x.length));',
      '}',
    ].join('\n');
    const js = await stripTypes(ts);
    const tsLines = ts.split('\n');
    const jsLines = js.split('\n');
    expect(jsLines).toHaveLength(tsLines.length);
    expect(jsLines[4]).toBe(tsLines[4]);
    expect(jsLines[3].indexOf('data.close')).toBe(tsLines[3].indexOf('data.close'));
    expect(js).not.toContain('interface');
  });

  it('rejects enums and namespaces with their line (CODE_REJECTED)', async () => {
    await expect(stripTypes('const a = 1;\n// sides\nenum Side { Long, Short }')).rejects.toMatchObject({
      code: 'CODE_REJECTED',
      details: { line: 3 },
    });
    await expect(stripTypes('/* a\n b */\nnamespace N { export const x = 1 }')).rejects.toMatchObject({
      code: 'CODE_REJECTED',
      details: { line: 3 },
    });
  });
});
