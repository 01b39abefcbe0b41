import * as ffi from '../../src/ffi';
import { ffiNapiLoadError } from './helpers';

type FfiModule = typeof ffi;

/** A fresh copy of src/ffi (no backend created yet), to see how libc() reads ELPROC_FFI. */
function freshModule(): FfiModule {
  let fresh: FfiModule | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<FfiModule>('../../src/ffi');
  });
  if (fresh === undefined) throw new Error('src/ffi did not load');
  return fresh;
}

function withEnv<T>(value: string, body: () => T): T {
  const saved = process.env.ELPROC_FFI;
  process.env.ELPROC_FFI = value;
  try {
    return body();
  } finally {
    if (saved === undefined) delete process.env.ELPROC_FFI;
    else process.env.ELPROC_FFI = saved;
  }
}

/** The backend this run was started with (`npm run test:ffi-napi` sets ELPROC_FFI=ffi-napi). */
const EXPECTED_BACKEND = process.env.ELPROC_FFI || 'koffi';

describe('libc()', () => {
  test(`creates the ${EXPECTED_BACKEND} backend once and reuses it`, () => {
    const first = ffi.libc();
    expect(first.name).toBe(EXPECTED_BACKEND);
    expect(ffi.libc()).toBe(first);
  });

  test('ELPROC_FFI=koffi selects koffi', () => {
    const fresh = freshModule();
    expect(withEnv('koffi', () => fresh.libc().name)).toBe('koffi');
  });

  const withFfiNapi = ffiNapiLoadError() === null ? test : test.skip;
  withFfiNapi('ELPROC_FFI=ffi-napi selects ffi-napi', () => {
    const fresh = freshModule();
    expect(withEnv('ffi-napi', () => fresh.libc().name)).toBe('ffi-napi');
  });

  test('ELPROC_FFI=ffi-napi without its packages names them and how to install them', () => {
    let fresh: FfiModule | undefined;
    jest.isolateModules(() => {
      // Virtual: the package may really be missing here.
      jest.doMock(
        '@2060.io/ffi-napi',
        () => {
          throw new Error("Cannot find module '@2060.io/ffi-napi'");
        },
        { virtual: true },
      );
      fresh = jest.requireActual<FfiModule>('../../src/ffi');
    });
    try {
      expect(() => withEnv('ffi-napi', () => fresh?.libc())).toThrow(
        /^ELPROC_FFI=ffi-napi: the ffi-napi backend needs the optional packages @2060\.io\/ffi-napi, @2060\.io\/ref-napi, ref-struct-di, which did not load \(Cannot find module '@2060\.io\/ffi-napi'\); install them with `npm install @2060\.io\/ffi-napi@4\.0\.9 @2060\.io\/ref-napi@3\.0\.6 ref-struct-di@1\.1\.1`.*unset ELPROC_FFI to use koffi$/,
      );
    } finally {
      jest.dontMock('@2060.io/ffi-napi');
    }
  });

  test('FFI_NAPI_VERSIONS are the optional peer dependencies of package.json, pinned exactly, and dev dependencies', () => {
    interface Manifest {
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      devDependencies?: Record<string, string>;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    }
    const manifest = jest.requireActual<Manifest>('../../package.json');
    expect(Object.keys(ffi.FFI_NAPI_VERSIONS).sort()).toEqual([...ffi.FFI_NAPI_PACKAGES].sort());
    expect(manifest.peerDependencies).toEqual(ffi.FFI_NAPI_VERSIONS);
    for (const name of ffi.FFI_NAPI_PACKAGES) {
      // Exact versions: the ffi-napi backend calls ffi-napi's native ffi_call, which it does not re-export.
      expect(ffi.FFI_NAPI_VERSIONS[name]).toMatch(/^\d+\.\d+\.\d+$/);
      expect(manifest.peerDependenciesMeta?.[name]).toEqual({ optional: true });
      expect(manifest.devDependencies?.[name]).toBe(ffi.FFI_NAPI_VERSIONS[name]);
      // Never compiled in a consumer's default install.
      expect(manifest.dependencies?.[name]).toBeUndefined();
      expect(manifest.optionalDependencies?.[name]).toBeUndefined();
    }
  });

  test('an unknown ELPROC_FFI value is refused', () => {
    const fresh = freshModule();
    expect(() => withEnv('ctypes', () => fresh.libc())).toThrow(
      /ELPROC_FFI="ctypes" names no FFI backend; use "koffi" \(the default\) or "ffi-napi"/,
    );
  });
});

describe('constants()', () => {
  test('is the Linux table', () => {
    expect(ffi.constants()).toBe(ffi.platformConstants());
    expect(ffi.constants().SOL_SOCKET).toBe(1);
    expect(ffi.constants().SO_BINDTODEVICE).toBe(25);
  });
});
