/**
 * Values on the pipe between child and host: the isolate's tagged tree (isolate/output-tree.ts) with
 * its arrays moved into binary frame parts. The child checks every node of what the isolate produced
 * while encoding; the host checks every node again while decoding, so neither trusts the other's
 * shapes, and decoding only ever builds plain data.
 */
import { elementBytesOf } from './isolate/intrinsics.js';
import { MAX_DEPTH, MAX_KEYS } from './isolate/output-tree.js';

export type WireNode =
  | null
  | boolean
  | number
  | string
  | { n: 'NaN' | 'Infinity' | '-Infinity' }
  | { t: string; p: number }
  | { na: number }
  | { ba: number }
  | { a: WireNode[] }
  | { o: Record<string, WireNode> };

/** A tree or wire value that does not have the expected shape. */
export class WireError extends Error {}

const NON_FINITE: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

const TYPED_CTORS: Record<string, new (buffer: ArrayBuffer, offset: number, length: number) => ArrayLike<number>> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
};

/** Depth allowance over MAX_DEPTH for arrays nested in the deepest objects. */
const MAX_NODE_DEPTH = MAX_DEPTH * 2 + 2;

function tagOf(node: object): string {
  if (Array.isArray(node)) throw new WireError('unexpected array node');
  const keys = Object.keys(node);
  if (keys.length === 0 || keys.length > 2) throw new WireError('unexpected node');
  return keys[0];
}

/** Child side: validates a tree copied out of the isolate and moves its typed arrays into `parts`. */
export function treeToWire(node: unknown, parts: ArrayBufferView[], depth = 0): WireNode {
  if (depth > MAX_NODE_DEPTH) throw new WireError('tree too deep');
  if (node === null || typeof node === 'boolean' || typeof node === 'string') return node;
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) throw new WireError('bare non-finite number');
    return node;
  }
  if (typeof node !== 'object') throw new WireError(`unexpected ${typeof node}`);
  const record = node as Record<string, unknown>;
  switch (tagOf(node)) {
    case 'n':
      if (typeof record.n !== 'string' || !(record.n in NON_FINITE)) throw new WireError('bad number tag');
      return { n: record.n as 'NaN' };
    case 't': {
      const kind = record.t;
      const array = record.v;
      if (typeof kind !== 'string' || !(kind in TYPED_CTORS) || !(array instanceof TYPED_CTORS[kind])) {
        throw new WireError('bad typed array');
      }
      return { t: kind, p: parts.push(array as unknown as ArrayBufferView) - 1 };
    }
    case 'na':
      if (!(record.na instanceof Float64Array)) throw new WireError('bad number array');
      return { na: parts.push(record.na) - 1 };
    case 'ba':
      if (!(record.ba instanceof Uint8Array)) throw new WireError('bad boolean array');
      return { ba: parts.push(record.ba) - 1 };
    case 'a':
      if (!Array.isArray(record.a)) throw new WireError('bad array');
      return { a: record.a.map((item) => treeToWire(item, parts, depth + 1)) };
    case 'o':
      return { o: mapObject(record.o, (item) => treeToWire(item, parts, depth + 1)) };
    default:
      throw new WireError('unknown tag');
  }
}

/** Where the typed arrays of a wire value are: a frame's body and part offsets. */
export interface PartSource {
  body: ArrayBuffer;
  parts: { offset: number; byteLength: number }[];
}

/** Host side: rebuilds plain values (typed arrays as views of the frame body) from a wire value. */
export function wireToValue(node: unknown, source: PartSource, depth = 0): unknown {
  if (depth > MAX_NODE_DEPTH) throw new WireError('value too deep');
  if (node === null || typeof node === 'boolean' || typeof node === 'string') return node;
  if (typeof node === 'number') return node;
  if (typeof node !== 'object') throw new WireError(`unexpected ${typeof node}`);
  const record = node as Record<string, unknown>;
  switch (tagOf(node)) {
    case 'n':
      if (typeof record.n !== 'string' || !(record.n in NON_FINITE)) throw new WireError('bad number tag');
      return NON_FINITE[record.n];
    case 't':
      if (typeof record.t !== 'string' || !(record.t in TYPED_CTORS)) throw new WireError('bad typed array');
      return partView(record.t, record.p, source);
    case 'na':
      return Array.from(partView('Float64Array', record.na, source) as Float64Array);
    case 'ba':
      return Array.from(partView('Uint8Array', record.ba, source) as Uint8Array, (x) => x !== 0);
    case 'a':
      if (!Array.isArray(record.a)) throw new WireError('bad array');
      return record.a.map((item) => wireToValue(item, source, depth + 1));
    case 'o':
      return mapObject(record.o, (item) => wireToValue(item, source, depth + 1));
    default:
      throw new WireError('unknown tag');
  }
}

function partView(kind: string, index: unknown, source: PartSource): ArrayLike<number> {
  const part = typeof index === 'number' ? source.parts[index] : undefined;
  const size = elementBytesOf[kind];
  if (part === undefined || part.byteLength % size !== 0 || part.offset % size !== 0) {
    throw new WireError('bad part reference');
  }
  return new TYPED_CTORS[kind](source.body, part.offset, part.byteLength / size);
}

/** A fresh object with the same keys; keys like `__proto__` become own properties, not prototypes. */
function mapObject(value: unknown, map: (item: unknown) => unknown): Record<string, never> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WireError('bad object');
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS) throw new WireError('too many keys');
  const out = {};
  for (const key of keys) {
    const item = map((value as Record<string, unknown>)[key]);
    Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Child side: the plain value of a tree (params defaults), typed arrays kept as they are. */
export function treeToValue(tree: unknown): unknown {
  const parts: ArrayBufferView[] = [];
  return inlineParts(treeToWire(tree, parts), parts);
}

function inlineParts(node: WireNode, parts: ArrayBufferView[]): unknown {
  if (node === null || typeof node !== 'object') return node;
  if ('n' in node) return NON_FINITE[node.n];
  if ('t' in node) return parts[node.p];
  if ('na' in node) return Array.from(parts[node.na] as Float64Array);
  if ('ba' in node) return Array.from(parts[node.ba] as Uint8Array, (x) => x !== 0);
  if ('a' in node) return node.a.map((item) => inlineParts(item, parts));
  return mapObject(node.o, (item) => inlineParts(item as WireNode, parts));
}
