import { constants, libc, ResolvedAddress, ResolverError } from '../../src/ffi';

const C = constants();
const L = libc();
const ANY = { family: C.AF_UNSPEC, socketType: 0, flags: 0 };
// Every lookup here is answered from /etc/hosts, /etc/services or the numeric parser: with "hosts:
// files dns", a name that misses /etc/hosts would go to the (non-loopback) DNS server, so names
// that must fail are looked up with AI_NUMERICHOST.
const NUMERIC = { family: C.AF_UNSPEC, socketType: 0, flags: C.AI_NUMERICHOST };

const IPV4_LOOPBACK = [127, 0, 0, 1];
const IPV6_LOOPBACK = [0, 0, 0, 0, 0, 0, 0, 1];

async function resolverError(promise: Promise<unknown>): Promise<ResolverError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResolverError) return error;
    throw error;
  }
  throw new Error('the lookup succeeded');
}

function isLoopback(result: ResolvedAddress): boolean {
  const address = result.address;
  if (address.family === 'inet') return address.bytes.join('.') === IPV4_LOOPBACK.join('.');
  return address.family === 'inet6' && address.groups.join(':') === IPV6_LOOPBACK.join(':');
}

describe('getaddrinfo', () => {
  test('"localhost" "80": loopback addresses on port 80, one per socket type', async () => {
    const results = await L.getaddrinfo('localhost', '80', ANY);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every(isLoopback)).toBe(true);
    expect(results.every((r) => 'port' in r.address && r.address.port === 80)).toBe(true);
    expect(results).toContainEqual({
      address: { family: 'inet', bytes: IPV4_LOOPBACK, port: 80 },
      socketType: C.SOCK_STREAM,
      protocol: C.IPPROTO_TCP,
    });
    expect(results).toContainEqual({
      address: { family: 'inet', bytes: IPV4_LOOPBACK, port: 80 },
      socketType: C.SOCK_DGRAM,
      protocol: C.IPPROTO_UDP,
    });
  });

  test('a socket-type hint leaves one entry per address', async () => {
    const results = await L.getaddrinfo('127.0.0.1', '80', { ...ANY, socketType: C.SOCK_DGRAM });
    expect(results).toEqual([
      {
        address: { family: 'inet', bytes: IPV4_LOOPBACK, port: 80 },
        socketType: C.SOCK_DGRAM,
        protocol: C.IPPROTO_UDP,
      },
    ]);
  });

  test('"127.0.0.1" "http": the service name comes from /etc/services', async () => {
    const results = await L.getaddrinfo('127.0.0.1', 'http', ANY);
    expect(results).toContainEqual({
      address: { family: 'inet', bytes: IPV4_LOOPBACK, port: 80 },
      socketType: C.SOCK_STREAM,
      protocol: C.IPPROTO_TCP,
    });
  });

  test('"::1" with no service: IPv6 groups, port 0', async () => {
    const results = await L.getaddrinfo('::1', null, ANY);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.address).toEqual({ family: 'inet6', groups: IPV6_LOOPBACK, port: 0 });
    }
  });

  test('a null host with AI_PASSIVE gives the wildcard address', async () => {
    const results = await L.getaddrinfo(null, '8080', {
      family: C.AF_INET,
      socketType: C.SOCK_STREAM,
      flags: C.AI_PASSIVE,
    });
    expect(results).toEqual([
      {
        address: { family: 'inet', bytes: [0, 0, 0, 0], port: 8080 },
        socketType: C.SOCK_STREAM,
        protocol: C.IPPROTO_TCP,
      },
    ]);
  });

  // glibc parses hosts with inet_aton: shortened and hexadecimal IPv4 forms are numeric.
  test.each([
    ['127.1', [127, 0, 0, 1]],
    ['0xe3010203', [227, 1, 2, 3]],
    ['0x7f.1', [127, 0, 0, 1]],
  ])('numeric form %s is %j', async (host, bytes) => {
    const results = await L.getaddrinfo(host, null, { ...NUMERIC, socketType: C.SOCK_STREAM });
    expect(results).toEqual([
      { address: { family: 'inet', bytes, port: 0 }, socketType: C.SOCK_STREAM, protocol: C.IPPROTO_TCP },
    ]);
  });

  test('an unknown host: EAI_NONAME "Name or service not known"', async () => {
    const error = await resolverError(L.getaddrinfo('no-such-host.invalid', null, NUMERIC));
    expect(error).toMatchObject({ eaiCode: -2, gaiMessage: 'Name or service not known' });
    expect(error.message).toBe('Name or service not known');
  });

  // Sends one DNS query to the configured resolver, so it only runs when asked for.
  const dnsTest = process.env.ELPROC_TEST_DNS === '1' ? test : test.skip;
  dnsTest('an unknown host through DNS (ELPROC_TEST_DNS=1)', async () => {
    const error = await resolverError(L.getaddrinfo('no-such-host.invalid', null, ANY));
    expect(error.gaiMessage).toBe('Name or service not known');
  });

  test('an unknown service: EAI_SERVICE "Servname not supported for ai_socktype"', async () => {
    const error = await resolverError(L.getaddrinfo('127.0.0.1', 'no-such-service', ANY));
    expect(error).toMatchObject({ eaiCode: -8, gaiMessage: 'Servname not supported for ai_socktype' });
  });

  test('"::1" with family AF_INET: EAI_ADDRFAMILY "Address family for hostname not supported"', async () => {
    const error = await resolverError(L.getaddrinfo('::1', null, { ...ANY, family: C.AF_INET }));
    expect(error).toMatchObject({ eaiCode: -9, gaiMessage: 'Address family for hostname not supported' });
  });

  test('resolves asynchronously: the call returns before the result is decoded', async () => {
    let settled = false;
    const pending = L.getaddrinfo('127.0.0.1', null, ANY).then((results) => {
      settled = true;
      return results;
    });
    expect(settled).toBe(false);
    await expect(pending).resolves.not.toHaveLength(0);
  });

  test('many concurrent lookups all complete', async () => {
    const lookups = Array.from({ length: 50 }, (_, i) => L.getaddrinfo('127.0.0.1', String(1000 + i), ANY));
    const results = await Promise.all(lookups);
    results.forEach((list, i) =>
      expect(list).toContainEqual(
        expect.objectContaining({
          address: { family: 'inet', bytes: IPV4_LOOPBACK, port: 1000 + i },
        }),
      ),
    );
  });
});
