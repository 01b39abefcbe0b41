import { constants } from '../../src/ffi';
import { intern } from '../../src/lisp/symbol';
import { findOption, isOptionKeyword, OPTION_TABLE, REUSEADDR_ROW } from '../../src/options';
import { ALL_OPTION_KEYWORDS } from '../support/option-keywords';

describe('OPTION_TABLE', () => {
  it('has Emacs 28 options first, in its order, then the extensions', () => {
    expect(OPTION_TABLE.map((row) => row.keyword)).toEqual(ALL_OPTION_KEYWORDS);
    expect(OPTION_TABLE.filter((row) => row.emacs)).toHaveLength(8);
  });

  it.each([
    [':bindtodevice', 'SOL_SOCKET', 'SO_BINDTODEVICE', 'ifname'],
    [':broadcast', 'SOL_SOCKET', 'SO_BROADCAST', 'bool'],
    [':dontroute', 'SOL_SOCKET', 'SO_DONTROUTE', 'bool'],
    [':keepalive', 'SOL_SOCKET', 'SO_KEEPALIVE', 'bool'],
    [':linger', 'SOL_SOCKET', 'SO_LINGER', 'linger'],
    [':oobinline', 'SOL_SOCKET', 'SO_OOBINLINE', 'bool'],
    [':priority', 'SOL_SOCKET', 'SO_PRIORITY', 'int'],
    [':reuseaddr', 'SOL_SOCKET', 'SO_REUSEADDR', 'bool'],
    [':sndbuf', 'SOL_SOCKET', 'SO_SNDBUF', 'buffer-size'],
    [':rcvbuf', 'SOL_SOCKET', 'SO_RCVBUF', 'buffer-size'],
    [':sndlowat', 'SOL_SOCKET', 'SO_SNDLOWAT', 'int'],
    [':rcvlowat', 'SOL_SOCKET', 'SO_RCVLOWAT', 'int'],
    [':nodelay', 'IPPROTO_TCP', 'TCP_NODELAY', 'bool'],
    [':keepidle', 'IPPROTO_TCP', 'TCP_KEEPIDLE', 'int'],
    [':keepintvl', 'IPPROTO_TCP', 'TCP_KEEPINTVL', 'int'],
    [':keepcnt', 'IPPROTO_TCP', 'TCP_KEEPCNT', 'int'],
    [':reuseport', 'SOL_SOCKET', 'SO_REUSEPORT', 'bool'],
  ])('%s is %s/%s (%s), both names in the platform table', (keyword, level, option, kind) => {
    const row = findOption(keyword);
    expect(row).toMatchObject({ keyword, level, option, kind });
    expect(typeof constants()[level as 'SOL_SOCKET']).toBe('number');
    expect(typeof constants()[option as 'SO_KEEPALIVE']).toBe('number');
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(OPTION_TABLE)).toBe(true);
    expect(OPTION_TABLE.every((row) => Object.isFrozen(row))).toBe(true);
  });
});

describe('findOption', () => {
  it('accepts keyword strings and keyword symbols', () => {
    expect(findOption(':keepalive')).toBe(findOption(intern(':keepalive')));
    expect(findOption(':reuseaddr')).toBe(REUSEADDR_ROW);
  });

  it.each([['keepalive'], [intern('keepalive')], [':name'], [':foo'], [':'], [42], [null], [true]])(
    'knows no row for %p',
    (key) => {
      expect(findOption(key)).toBeUndefined();
      expect(isOptionKeyword(key)).toBe(false);
    },
  );
});
