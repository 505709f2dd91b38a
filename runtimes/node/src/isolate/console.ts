/**
 * The strategy's `console`: each call becomes one line handed to the child through `send`, until the
 * log limit is reached; after that calls return at once, so a strategy logging every bar of a long
 * history costs little. The child keeps the exact 64 KB and adds the truncation marker.
 */
import { formatArgument } from './format-value.js';
import { freeze } from './intrinsics.js';

/** Characters sent before the SDK stops forwarding (the child cuts at 64 KB of UTF-8). */
const SEND_LIMIT = 64 * 1024 + 1;

/** A console object whose methods all write lines through `send`. */
export function createConsole(send: (text: string) => void): Console {
  let sent = 0;
  const write = (...args: unknown[]): void => {
    if (sent >= SEND_LIMIT) return;
    const parts: string[] = [];
    for (let i = 0; i < args.length && sent < SEND_LIMIT; i++) parts.push(formatArgument(args[i]));
    const line = `${parts.join(' ')}\n`;
    const text = line.length > SEND_LIMIT - sent ? line.slice(0, SEND_LIMIT - sent) : line;
    sent += text.length;
    send(text);
  };
  const ignore = (): void => undefined;
  const assert = (condition?: unknown, ...args: unknown[]): void => {
    if (!condition) write('Assertion failed', ...args);
  };
  return freeze({
    log: write,
    info: write,
    warn: write,
    error: write,
    debug: write,
    trace: write,
    dir: write,
    table: write,
    assert,
    group: write,
    groupEnd: ignore,
    time: ignore,
    timeEnd: ignore,
    count: ignore,
  }) as unknown as Console;
}
