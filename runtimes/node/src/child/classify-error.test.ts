import { describe, expect, it } from 'vitest';
import { type JobSource, thrownFailure } from './classify-error.js';

const source: JobSource = {
  filename: 'strategy.js',
  lines: ['export function strategy() {', '  const x = 1;', '  throw new Error("boom");', '}'],
  timeoutMs: 2000,
  memoryMb: 128,
};

describe('thrownFailure', () => {
  it('reports the innermost user frame and a traceback of user frames only', () => {
    const stack = [
      'Error: boom',
      '    at helper (stratex-sdk.js:1:999)',
      '    at strategy (strategy.js:3:9)',
      '    at run (stratex-sdk.js:1:5000)',
      '    at (<isolated-vm boundary>)',
      '    at runJob (/home/someone/stratex/child/main.js:10:3)',
    ].join('\n');
    const failure = thrownFailure({ name: 'Error', message: 'boom', stack, sandbox: false }, source);
    expect(failure).toEqual({
      code: 'STRATEGY_ERROR',
      message: 'Error: boom (line 3)',
      details: { line: 3, column: 9, traceback: 'Error: boom\n    at strategy (strategy.js:3:9)' },
    });
    expect(JSON.stringify(failure)).not.toContain('/home');
  });

  it('takes the line of a syntax error from its message and drops the position suffix', () => {
    const failure = thrownFailure(
      { name: 'SyntaxError', message: "Unexpected token '}' [strategy.js:2:12]", stack: '', sandbox: false },
      source,
    );
    expect(failure.message).toBe("SyntaxError: Unexpected token '}' (line 2)");
    expect(failure.details).toMatchObject({ line: 2, column: 12 });
  });

  it('clamps a position on the line the runtime appends to the last user line', () => {
    const failure = thrownFailure(
      { name: 'SyntaxError', message: 'x [strategy.js:5:1]', stack: '', sandbox: false },
      source,
    );
    expect(failure.details).toMatchObject({ line: 4 });
  });

  it('maps failed array-buffer allocations to MEMORY_LIMIT and SDK violations to SANDBOX_VIOLATION', () => {
    const oom = { name: 'RangeError', message: 'Array buffer allocation failed', stack: '', sandbox: false };
    expect(thrownFailure(oom, source).code).toBe('MEMORY_LIMIT');
    const violation = { name: 'SandboxViolation', message: 'require is not available', stack: '', sandbox: true };
    expect(thrownFailure(violation, source).code).toBe('SANDBOX_VIOLATION');
    const spoofed = { name: 'SandboxViolation', message: 'require is not available', stack: '', sandbox: false };
    expect(thrownFailure(spoofed, source).code).toBe('STRATEGY_ERROR');
  });

  it('turns "Not supported" on a line with import() into a sandbox violation', () => {
    const lines = ['export async function strategy() {', '  const fs = await import("fs");', '}'];
    const failure = thrownFailure(
      {
        name: 'Error',
        message: 'Not supported',
        stack: 'Error: Not supported\n    at strategy (strategy.js:2:14)',
        sandbox: false,
      },
      { ...source, lines },
    );
    expect(failure.code).toBe('SANDBOX_VIOLATION');
    expect(failure.details).toMatchObject({ line: 2 });
  });
});
