import { constants, libc } from '../../src/ffi';

const C = constants();
const L = libc();
const IFF_UP = 0x1;
const IFF_LOOPBACK = 0x8;

describe('getifaddrs', () => {
  test('lists "lo" with 127.0.0.1 and netmask 255.0.0.0', () => {
    const lo = L.getifaddrs().filter((entry) => entry.name === 'lo');
    expect(lo).toContainEqual({
      name: 'lo',
      flags: expect.any(Number),
      address: { family: 'inet', bytes: [127, 0, 0, 1], port: 0 },
      netmask: { family: 'inet', bytes: [255, 0, 0, 0], port: 0 },
      broadcast: null,
    });
    for (const entry of lo) expect(entry.flags & (IFF_UP | IFF_LOOPBACK)).toBe(IFF_UP | IFF_LOOPBACK);
  });

  test('AF_PACKET entries come back as "other" addresses', () => {
    const packet = L.getifaddrs().find((entry) => entry.name === 'lo' && entry.address?.family === 'other');
    if (packet === undefined) return; // a sandbox may hide link-layer entries
    expect(packet.address).toMatchObject({ family: 'other', familyNumber: C.AF_PACKET });
  });
});

describe('hardwareAddress (SIOCGIFHWADDR)', () => {
  test('"lo" is ARPHRD_LOOPBACK (772) with six zero bytes', () => {
    expect(L.hardwareAddress('lo')).toEqual({ type: 772, bytes: [0, 0, 0, 0, 0, 0] });
  });

  test('a missing interface gives null', () => {
    expect(L.hardwareAddress('nonexist0')).toBeNull();
  });

  test('a name of IFNAMSIZ bytes or more is refused; 15 bytes is fine', () => {
    expect(() => L.hardwareAddress('x'.repeat(C.IFNAMSIZ))).toThrow(RangeError);
    expect(L.hardwareAddress('x'.repeat(C.IFNAMSIZ - 1))).toBeNull();
  });
});

describe('interfaceFlags (SIOCGIFFLAGS)', () => {
  test('"lo" is up and loopback', () => {
    const flags = L.interfaceFlags('lo');
    expect(flags).not.toBeNull();
    expect((flags ?? 0) & (IFF_UP | IFF_LOOPBACK)).toBe(IFF_UP | IFF_LOOPBACK);
  });

  test('a missing interface gives null', () => {
    expect(L.interfaceFlags('nonexist0')).toBeNull();
  });
});
