import * as ffi from '../../src/ffi';

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

describe('libc()', () => {
  test('creates the koffi backend once and reuses it', () => {
    const first = ffi.libc();
    expect(first.name).toBe('koffi');
    expect(ffi.libc()).toBe(first);
  });

  test('ELPROC_FFI=koffi selects koffi', () => {
    const fresh = freshModule();
    expect(withEnv('koffi', () => fresh.libc().name)).toBe('koffi');
  });

  test('ELPROC_FFI=ffi-napi names the missing optional packages', () => {
    const fresh = freshModule();
    expect(() => withEnv('ffi-napi', () => fresh.libc())).toThrow(
      /not implemented yet.*@2060\.io\/ffi-napi @2060\.io\/ref-napi ref-struct-di/,
    );
  });

  test('an unknown ELPROC_FFI value is refused', () => {
    const fresh = freshModule();
    expect(() => withEnv('ctypes', () => fresh.libc())).toThrow(/ELPROC_FFI="ctypes" names no FFI backend/);
  });
});

describe('constants()', () => {
  test('is the Linux table', () => {
    expect(ffi.constants()).toBe(ffi.platformConstants());
    expect(ffi.constants().SOL_SOCKET).toBe(1);
    expect(ffi.constants().SO_BINDTODEVICE).toBe(25);
  });
});
