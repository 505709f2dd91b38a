import { newExecutionId } from '@stratex/core';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './execution-cursor.js';

describe('execution cursor', () => {
  it('round-trips an execution id as base64url text', () => {
    const id = newExecutionId(Date.UTC(2026, 0, 1));
    const cursor = encodeCursor(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe(id);
  });

  it('refuses text that encodeCursor did not make', () => {
    const id = newExecutionId(Date.UTC(2026, 0, 1));
    const cursor = encodeCursor(id);
    const flipped = `${cursor.slice(0, 3)}${cursor[3] === 'A' ? 'B' : 'A'}${cursor.slice(4)}`;
    for (const bad of [`${cursor}=`, `${cursor} `, cursor.slice(0, -1), flipped, encodeCursor('user#a'), '']) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST' }));
    }
  });
});
