/**
 * Turns console.log arguments into text inside the isolate, briefly: long arrays show their first
 * items, objects their first keys, two levels deep. Accessors that throw print as `[threw]`.
 */
import { clip, isArray, objectKeys, toText, typedArrayKind, typedArrayLengthOf } from './intrinsics.js';

const MAX_ITEMS = 20;
const MAX_DEPTH = 2;
const MAX_TEXT = 4096;

/** Text of one console argument; strings at the top level print as they are. */
export function formatArgument(value: unknown): string {
  return typeof value === 'string' ? clip(value, MAX_TEXT) : formatValue(value, 0);
}

function formatValue(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return `'${clip(value, MAX_TEXT)}'`;
    case 'bigint':
      return `${toText(value)}n`;
    case 'symbol':
      return 'Symbol()';
    case 'function':
      return '[Function]';
    case 'object':
      return value === null ? 'null' : formatObject(value, depth);
    default:
      return Object.is(value, -0) ? '-0' : toText(value);
  }
}

function formatObject(value: object, depth: number): string {
  try {
    const kind = typedArrayKind(value);
    if (kind !== undefined)
      return `${kind}(${typedArrayLengthOf(value)}) ${formatItems(value as ArrayLike<unknown>, depth)}`;
    if (isArray(value)) return formatItems(value, depth);
    if (value instanceof Error) return clip(toText(value.stack ?? `${value.name}: ${value.message}`), MAX_TEXT);
    return formatEntries(value, depth);
  } catch {
    return '[threw]';
  }
}

function formatItems(items: ArrayLike<unknown>, depth: number): string {
  if (depth >= MAX_DEPTH) return '[…]';
  const shown: string[] = [];
  const count = Math.min(items.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) shown.push(formatValue(items[i], depth + 1));
  if (items.length > count) shown.push(`… ${items.length - count} more`);
  return `[${shown.join(', ')}]`;
}

function formatEntries(value: object, depth: number): string {
  if (depth >= MAX_DEPTH) return '{…}';
  const keys = objectKeys(value);
  const shown: string[] = [];
  for (let i = 0; i < Math.min(keys.length, MAX_ITEMS); i++) {
    let text: string;
    try {
      text = formatValue((value as Record<string, unknown>)[keys[i]], depth + 1);
    } catch {
      text = '[threw]';
    }
    shown.push(`${keys[i]}: ${text}`);
  }
  if (keys.length > MAX_ITEMS) shown.push(`… ${keys.length - MAX_ITEMS} more`);
  return shown.length === 0 ? '{}' : `{ ${shown.join(', ')} }`;
}
