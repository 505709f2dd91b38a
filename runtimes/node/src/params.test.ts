import { describe, expect, it } from 'vitest';
import { JobFailureError } from './job-failure.js';
import { resolveParams } from './params.js';

function failureOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof JobFailureError) return error.failure;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('resolveParams', () => {
  it('keeps the defaults when nothing is overridden', () => {
    expect(resolveParams({ fast: 10, slow: 30 }, {})).toEqual({ fast: 10, slow: 30 });
  });

  it('types string overrides by the default: numbers, booleans, strings, JSON structures', () => {
    const defaults = { fast: 10, long: true, mode: 'close', levels: [1, 2], opts: { a: 1 } };
    const resolved = resolveParams(defaults, {
      fast: ' 12.5 ',
      long: 'false',
      mode: 'open',
      levels: '[3, 4, 5]',
      opts: '{"a": 2}',
    });
    expect(resolved).toEqual({ fast: 12.5, long: false, mode: 'open', levels: [3, 4, 5], opts: { a: 2 } });
  });

  it('accepts already typed values from JSON requests', () => {
    expect(resolveParams({ fast: 10, long: false }, { fast: 20, long: true })).toEqual({ fast: 20, long: true });
  });

  it('rejects a value that does not fit the default type, naming the parameter', () => {
    const failure = failureOf(() => resolveParams({ fast: 10 }, { fast: 'ten' }));
    expect(failure.code).toBe('INVALID_REQUEST');
    expect(failure.message).toContain('"fast"');
    expect(failure.message).toContain('"ten"');
    expect(failureOf(() => resolveParams({ fast: 10 }, { fast: '' })).code).toBe('INVALID_REQUEST');
    expect(failureOf(() => resolveParams({ fast: 10 }, { fast: 'Infinity' })).code).toBe('INVALID_REQUEST');
    expect(failureOf(() => resolveParams({ on: true }, { on: 'maybe' })).message).toContain('"on"');
    expect(failureOf(() => resolveParams({ levels: [1] }, { levels: '{"a":1}' })).message).toContain('array');
  });

  it('rejects an unknown parameter, listing the known ones', () => {
    const failure = failureOf(() => resolveParams({ fast: 10, slow: 30 }, { fsat: '12' }));
    expect(failure.code).toBe('INVALID_REQUEST');
    expect(failure.message).toContain('"fsat"');
    expect(failure.message).toContain('fast, slow');
    expect(failure.details).toMatchObject({ param: 'fsat', known: ['fast', 'slow'] });
  });

  it('says so when the strategy declares no parameters', () => {
    expect(failureOf(() => resolveParams(null, { fast: '1' })).message).toContain('declares none');
  });

  it('treats __proto__ as an ordinary name', () => {
    const resolved = resolveParams(JSON.parse('{"__proto__": 1}'), { ['__proto__']: '2' });
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(resolved, '__proto__')?.value).toBe(2);
  });
});
