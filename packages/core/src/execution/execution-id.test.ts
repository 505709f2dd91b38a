import { describe, expect, it } from 'vitest';
import { isExecutionId, newExecutionId } from './execution-id.js';

describe('execution ids', () => {
  it('are recognised as ids, sort by creation time and differ within one millisecond', () => {
    const t = Date.UTC(2026, 10, 26, 3, 0, 0);
    const ids = [newExecutionId(t), newExecutionId(t + 1), newExecutionId(t + 86_400_000), newExecutionId(t)];
    for (const id of ids) expect(isExecutionId(id)).toBe(true);
    expect(ids.slice(0, 3)).toEqual([...ids.slice(0, 3)].sort());
    expect(ids[3]).not.toBe(ids[0]);
  });

  it('refuses anything that could carry a path, a key separator or text into storage', () => {
    const notIds = [
      '',
      'exe_',
      'x',
      'EXE_abc',
      'exe_ABC',
      'exe_a/b',
      'exe_../../x',
      'exe_a#b',
      'exe_a b',
      `exe_${'a'.repeat(65)}`,
    ];
    for (const id of notIds) expect(isExecutionId(id), id).toBe(false);
  });
});
