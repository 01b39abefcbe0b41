/**
 * The small part of `@2060.io/ffi-napi`, `@2060.io/ref-napi` and `ref-struct-di` that
 * ffi-napi-backend.ts uses, typed here rather than taken from the packages: they are optional (the
 * type check must pass without them), ref-struct-di ships no types, and the packages' own
 * declarations are `any` throughout.
 */

/** The optional packages behind `ELPROC_FFI=ffi-napi` (built with node-gyp when installed). */
export const FFI_NAPI_PACKAGES = ['@2060.io/ffi-napi', '@2060.io/ref-napi', 'ref-struct-di'] as const;

/**
 * Their exact versions, as package.json pins them (optional peer dependencies, and development
 * dependencies for this repository): the backend calls ffi-napi's native `ffi_call`, which the
 * package does not export, so no other version is known to work.
 */
export const FFI_NAPI_VERSIONS: Readonly<Record<(typeof FFI_NAPI_PACKAGES)[number], string>> = {
  '@2060.io/ffi-napi': '4.0.9',
  '@2060.io/ref-napi': '3.0.6',
  'ref-struct-di': '1.1.1',
};

/** A ref-napi type object: a built-in (`ref.types.int`), a pointer type or a struct type. */
export interface RefType {
  readonly size: number;
  readonly indirection: number;
}

/** A type object or a ref-napi type name ("int", "uint32", "pointer", "string", …). */
export type RefTypeLike = RefType | string;

/** `@2060.io/ref-napi`: pointers are Buffers whose bytes start at the address. */
export interface RefNapi {
  readonly sizeof: { readonly pointer: number };
  coerceType(type: RefTypeLike): RefType;
  /** The address of the buffer's first byte. */
  address(buffer: Buffer): number;
  isNull(buffer: Buffer): boolean;
  /** Reads the pointer stored at `offset` as a Buffer of `length` bytes at that address. */
  readPointer(buffer: Buffer, offset: number, length: number): Buffer;
  /** A Buffer of `size` bytes at the same address as `buffer` (plus `offset`). */
  reinterpret(buffer: Buffer, size: number, offset: number): Buffer;
  /** Stores the address of `pointer` at `offset`, keeping `pointer` alive as long as `buffer`. */
  writePointer(buffer: Buffer, offset: number, pointer: Buffer): void;
}

/** A C function as ffi-napi wraps it: marshals its arguments anew on every call. */
export interface ForeignFunction<A extends unknown[], R> {
  (...args: A): R;
  /** Runs the call on a thread of libuv's pool; `callback` runs on the JS thread. */
  async(...args: [...A, (error: unknown, result: R) => void]): void;
}

export interface DynamicLibrary {
  /** The symbol's address, as a pointer Buffer. */
  get(symbol: string): Buffer;
}

/** `@2060.io/ffi-napi`. */
export interface FfiNapi {
  readonly RTLD_NOW: number;
  /** A null path opens the running process itself (dlopen(NULL)). */
  DynamicLibrary: new (path: string | null, mode: number) => DynamicLibrary;
  ForeignFunction<A extends unknown[], R>(
    fn: Buffer,
    returns: RefTypeLike,
    args: readonly RefTypeLike[],
  ): ForeignFunction<A, R>;
  /**
   * A C function pointer that calls `fn`: synchronously when called on the JS thread. Its memory
   * lives as long as the returned Buffer.
   */
  Callback(returns: RefTypeLike, args: readonly RefTypeLike[], fn: (...args: never[]) => void): Buffer;
  /** Prepares an `ffi_cif` (libffi's call interface) once; the Buffer holds it. */
  CIF(returns: RefType, args: readonly RefType[]): Buffer;
  /** errno of the calling thread, read by a native function (`StaticFunctions._errno`). */
  errno(): number;
}

/**
 * The native half of ffi-napi (`lib/bindings.js`): what every ForeignFunction ends in. The package
 * does not re-export it; the backend calls it directly with preallocated argument memory.
 */
export interface FfiNapiBindings {
  /** `ffi_call(cif, fn, result, args)`: `args` holds one pointer per argument to its value. */
  ffi_call(cif: Buffer, fn: Buffer, result: Buffer, args: Buffer): void;
  readonly FFI_ARG_SIZE: number;
  /** Native helpers; `_errno` is the function behind `ffi.errno()`. */
  readonly StaticFunctions: { readonly _errno: Buffer };
}

/** A struct instance: its fields as properties, read from and written to its backing Buffer. */
export type StructInstance<T> = T & { ref(): Buffer };

/** A struct type from ref-struct-di: a ref type whose instances are backed by Buffers. */
export interface StructType<T> extends RefType {
  /** Backed by `source` when it is a Buffer; otherwise a zeroed Buffer filled from `source`. */
  new (source?: Buffer | Partial<T>): StructInstance<T>;
}

/** ref-struct-di's export: given ref-napi, the function that defines struct types. */
export type RefStructDi = (ref: RefNapi) => <T>(fields: { [K in keyof T]: RefTypeLike }) => StructType<T>;
