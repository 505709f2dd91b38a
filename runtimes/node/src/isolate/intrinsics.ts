/**
 * Built-ins captured when the SDK loads, before any user code runs. A strategy may replace
 * `Object.keys`, `Array.isArray` or typed-array methods in its own realm; the SDK's output copy and
 * error description keep using the originals, so such tricks can only garble the strategy's own output.
 */
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayPrototype, Symbol.toStringTag)!.get!;
const typedArrayLength = Object.getOwnPropertyDescriptor(typedArrayPrototype, 'length')!.get!;
const typedArrayByteOffset = Object.getOwnPropertyDescriptor(typedArrayPrototype, 'byteOffset')!.get!;
const typedArrayBuffer = Object.getOwnPropertyDescriptor(typedArrayPrototype, 'buffer')!.get!;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const typedArraySet = (typedArrayPrototype as { set: (source: ArrayLike<number>) => void }).set;
const stringSlice = String.prototype.slice;
const weakSetAdd = WeakSet.prototype.add;
const weakSetHas = WeakSet.prototype.has;
const WeakSetCtor = WeakSet;

export const apply = Reflect.apply;
export const isArray = Array.isArray;
export const objectKeys = Object.keys;
export const defineProperty = Reflect.defineProperty;
export const createObject = Object.create;
export const isFiniteNumber = Number.isFinite;
export const isSafeInteger = Number.isSafeInteger;
export const toText = String;
export const ErrorCtor = Error;
export const freeze = Object.freeze;

/** Typed-array constructors by tag; BigInt arrays are not numbers a strategy can return. */
export const typedArrayCtors: Record<string, new (length: number) => ArrayLike<number>> = {
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

/** Bytes per element by tag (a subclass could fake `BYTES_PER_ELEMENT`, the table cannot lie). */
export const elementBytesOf: Record<string, number> = {
  Float64Array: 8,
  Float32Array: 4,
  Int32Array: 4,
  Uint32Array: 4,
  Int16Array: 2,
  Uint16Array: 2,
  Int8Array: 1,
  Uint8Array: 1,
  Uint8ClampedArray: 1,
};

/** The tag of a real typed array (`'Float64Array'` …), `undefined` for anything else, proxies included. */
export function typedArrayKind(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return apply(typedArrayTag, value, []) as string | undefined;
}

/** Length of a real typed array, read through the intrinsic getter (an own `length` cannot lie). */
export function typedArrayLengthOf(value: object): number {
  return apply(typedArrayLength, value, []) as number;
}

const getPrototypeOf = Object.getPrototypeOf;

/**
 * Whether a typed array can leave as it is: a plain instance of its kind (not a subclass with its own
 * accessors) spanning its whole buffer (a view would carry all the memory it shares out with it).
 */
export function isExactTypedArray(kind: string, value: object): boolean {
  if (getPrototypeOf(value) !== typedArrayCtors[kind].prototype) return false;
  const buffer = apply(typedArrayBuffer, value, []) as ArrayBuffer;
  const elementBytes = elementBytesOf[kind];
  return (
    apply(typedArrayByteOffset, value, []) === 0 &&
    apply(arrayBufferByteLength, buffer, []) === typedArrayLengthOf(value) * elementBytes
  );
}

/** Copies a typed array into a fresh one of the same kind without calling anything the user can replace. */
export function copyTypedArray(kind: string, value: object): ArrayLike<number> {
  const fresh = new typedArrayCtors[kind](typedArrayLengthOf(value));
  apply(typedArraySet, fresh, [value]);
  return fresh;
}

/** `text.slice(0, max)` with the intrinsic slice. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : (apply(stringSlice, text, [0, max]) as string);
}

/** A prototype-less object: assignments to it cannot hit setters a strategy put on `Object.prototype`. */
export function bareObject(): Record<string, unknown> {
  return createObject(null) as Record<string, unknown>;
}

/** A set of objects whose membership only the SDK can change or read (intrinsic add/has). */
export function privateMarks(): { add(value: object): void; has(value: object): boolean } {
  const set = new WeakSetCtor();
  return {
    add: (value) => void apply(weakSetAdd, set, [value]),
    has: (value) => apply(weakSetHas, set, [value]) as boolean,
  };
}
