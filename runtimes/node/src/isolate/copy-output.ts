/**
 * Copies what a strategy returned into a plain tagged tree (output-tree.ts) inside the isolate.
 * Every property is read exactly once; getters and proxy traps run here, inside the isolate and its
 * time limit, never in the host. Sizes are checked before anything is allocated or iterated, so
 * `{ length: 1e12 }` tricks end in an error, not a hang.
 */
import {
  bareObject,
  clip,
  copyTypedArray,
  defineProperty,
  ErrorCtor,
  elementBytesOf,
  isArray,
  isExactTypedArray,
  isFiniteNumber,
  isSafeInteger,
  objectKeys,
  toText,
  typedArrayCtors,
  typedArrayKind,
  typedArrayLengthOf,
} from './intrinsics.js';
import { MAX_DEPTH, MAX_KEYS, type TreeNode } from './output-tree.js';

/** Bytes still allowed for the copy; each value charges what it will occupy. */
interface Budget {
  left: number;
  limit: number;
}

/** A result that cannot be returned: too large, too deep, or of a type no key accepts. */
function outputError(path: string, problem: string): Error {
  const error = new ErrorCtor(`Invalid strategy output at ${path}: ${problem}`);
  error.name = 'OutputError';
  return error;
}

function charge(budget: Budget, bytes: number, path: string): void {
  budget.left -= bytes;
  if (budget.left < 0) {
    const mb = (budget.limit / 2 ** 20).toFixed(0);
    throw outputError(path, `the output is larger than the ${mb} MB limit`);
  }
}

/** Copies a strategy's return value (must be an object) into a tree of at most `maxBytes`. */
export function copyOutput(value: unknown, maxBytes: number, rootName = 'result'): TreeNode {
  if (typeof value !== 'object' || value === null || isArray(value) || typedArrayKind(value) !== undefined) {
    const got = value === null ? 'null' : isArray(value) ? 'an array' : typeof value;
    throw outputError(rootName, `expected an object such as { entries, exits } or { position }, got ${got}`);
  }
  return copyValue(value, rootName, 0, { left: maxBytes, limit: maxBytes });
}

function copyValue(value: unknown, path: string, depth: number, budget: Budget): TreeNode {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'boolean':
      return value;
    case 'number':
      return isFiniteNumber(value) ? value : { n: toText(value) as 'NaN' | 'Infinity' | '-Infinity' };
    case 'string':
      charge(budget, value.length * 2, path);
      return value;
    case 'object':
      return value === null ? null : copyObjectLike(value, path, depth, budget);
    default:
      throw outputError(path, `a ${typeof value} cannot be returned`);
  }
}

function copyObjectLike(value: object, path: string, depth: number, budget: Budget): TreeNode {
  const kind = typedArrayKind(value);
  if (kind !== undefined) return copyTyped(kind, value, path, budget);
  if (isArray(value)) return copyArray(value as unknown[], path, depth, budget);
  if (depth >= MAX_DEPTH) throw outputError(path, `objects nest deeper than ${MAX_DEPTH} levels`);
  const keys = objectKeys(value);
  if (keys.length > MAX_KEYS) throw outputError(path, `more than ${MAX_KEYS} keys`);
  const out = bareObject();
  for (let i = 0; i < keys.length; i++) {
    const key = clip(toText(keys[i]), 200);
    charge(budget, 16 + key.length * 2, path);
    const item = (value as Record<string, unknown>)[keys[i]];
    if (item === undefined) continue;
    defineProperty(out, key, {
      value: copyValue(item, `${path}.${key}`, depth + 1, budget),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { o: out as Record<string, TreeNode> };
}

function copyTyped(kind: string, value: object, path: string, budget: Budget): TreeNode {
  if (typedArrayCtors[kind] === undefined) throw outputError(path, `${kind} is not supported; use Float64Array`);
  charge(budget, typedArrayLengthOf(value) * elementBytesOf[kind], path);
  // Views (a subarray, data.close itself) and subclasses are copied to a plain array of their elements.
  const exact = isExactTypedArray(kind, value) ? (value as ArrayLike<number>) : copyTypedArray(kind, value);
  return { t: kind, v: exact };
}

function copyArray(value: unknown[], path: string, depth: number, budget: Budget): TreeNode {
  const length = value.length;
  if (!isSafeInteger(length) || length < 0) throw outputError(path, 'the array has an invalid length');
  charge(budget, length * 9, path);
  const numbers = new typedArrayCtors.Float64Array(length) as Float64Array;
  const kindOf = new typedArrayCtors.Uint8Array(length) as Uint8Array;
  const others = bareObject();
  let kinds = 0;
  for (let i = 0; i < length; i++) {
    const item = value[i];
    if (typeof item === 'number') {
      numbers[i] = item;
      kindOf[i] = NUMBER;
    } else if (typeof item === 'boolean') {
      numbers[i] = item ? 1 : 0;
      kindOf[i] = BOOLEAN;
    } else {
      others[i] = item;
      kindOf[i] = OTHER;
    }
    kinds |= kindOf[i];
  }
  if (kinds === BOOLEAN) return { ba: toBytes(numbers) };
  if ((kinds & ~NUMBER) === 0) return { na: numbers };
  return { a: copyMixed(numbers, kindOf, others, path, depth, budget) };
}

const NUMBER = 1;
const BOOLEAN = 2;
const OTHER = 4;

function toBytes(numbers: Float64Array): Uint8Array {
  const bytes = new typedArrayCtors.Uint8Array(numbers.length) as Uint8Array;
  for (let i = 0; i < numbers.length; i++) bytes[i] = numbers[i];
  return bytes;
}

/** Arrays of mixed items (rare: usually a bug the normaliser reports by bar), item by item. */
function copyMixed(
  numbers: Float64Array,
  kindOf: Uint8Array,
  others: Record<string, unknown>,
  path: string,
  depth: number,
  budget: Budget,
): TreeNode[] {
  const out: TreeNode[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const item = kindOf[i] === OTHER ? others[i] : kindOf[i] === BOOLEAN ? numbers[i] === 1 : numbers[i];
    const node = copyValue(item, `${path}[${i}]`, depth + 1, budget);
    defineProperty(out, i, { value: node, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
