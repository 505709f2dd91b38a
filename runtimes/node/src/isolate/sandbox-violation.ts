/**
 * Errors the SDK raises when a strategy reaches for something the sandbox does not offer (`require`).
 * They are recognised by identity (a WeakSet the strategy cannot reach), not by name, so a strategy
 * cannot make its own errors look like one, nor hide one.
 */
import { ErrorCtor, privateMarks } from './intrinsics.js';

const violations = privateMarks();

/** A new sandbox-violation error with a message for the user. */
export function sandboxViolation(message: string): Error {
  const error = new ErrorCtor(message);
  error.name = 'SandboxViolation';
  violations.add(error);
  return error;
}

/** Whether `value` is an error made by sandboxViolation. */
export function isSandboxViolation(value: unknown): boolean {
  return typeof value === 'object' && value !== null && violations.has(value);
}
