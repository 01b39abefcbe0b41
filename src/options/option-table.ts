import { keywordName } from '../lisp/values';
import { OptionRow } from './types';

// Kept mutable only until frozen below, so each row type-checks against OptionRow.
const ROWS: OptionRow[] = [
  { keyword: ':bindtodevice', level: 'SOL_SOCKET', option: 'SO_BINDTODEVICE', kind: 'ifname', emacs: true },
  { keyword: ':broadcast', level: 'SOL_SOCKET', option: 'SO_BROADCAST', kind: 'bool', emacs: true },
  { keyword: ':dontroute', level: 'SOL_SOCKET', option: 'SO_DONTROUTE', kind: 'bool', emacs: true },
  { keyword: ':keepalive', level: 'SOL_SOCKET', option: 'SO_KEEPALIVE', kind: 'bool', emacs: true },
  { keyword: ':linger', level: 'SOL_SOCKET', option: 'SO_LINGER', kind: 'linger', emacs: true },
  { keyword: ':oobinline', level: 'SOL_SOCKET', option: 'SO_OOBINLINE', kind: 'bool', emacs: true },
  { keyword: ':priority', level: 'SOL_SOCKET', option: 'SO_PRIORITY', kind: 'int', emacs: true },
  { keyword: ':reuseaddr', level: 'SOL_SOCKET', option: 'SO_REUSEADDR', kind: 'bool', emacs: true },
  { keyword: ':sndbuf', level: 'SOL_SOCKET', option: 'SO_SNDBUF', kind: 'buffer-size', emacs: false },
  { keyword: ':rcvbuf', level: 'SOL_SOCKET', option: 'SO_RCVBUF', kind: 'buffer-size', emacs: false },
  { keyword: ':sndlowat', level: 'SOL_SOCKET', option: 'SO_SNDLOWAT', kind: 'int', emacs: false },
  { keyword: ':rcvlowat', level: 'SOL_SOCKET', option: 'SO_RCVLOWAT', kind: 'int', emacs: false },
  {
    keyword: ':nodelay',
    level: 'IPPROTO_TCP',
    option: 'TCP_NODELAY',
    kind: 'bool',
    emacs: false,
    tcpOnly: true,
  },
  {
    keyword: ':keepidle',
    level: 'IPPROTO_TCP',
    option: 'TCP_KEEPIDLE',
    kind: 'int',
    emacs: false,
    tcpOnly: true,
  },
  {
    keyword: ':keepintvl',
    level: 'IPPROTO_TCP',
    option: 'TCP_KEEPINTVL',
    kind: 'int',
    emacs: false,
    tcpOnly: true,
  },
  {
    keyword: ':keepcnt',
    level: 'IPPROTO_TCP',
    option: 'TCP_KEEPCNT',
    kind: 'int',
    emacs: false,
    tcpOnly: true,
  },
  { keyword: ':reuseport', level: 'SOL_SOCKET', option: 'SO_REUSEPORT', kind: 'bool', emacs: false },
];

/**
 * The socket options `make-network-process` and `set-network-process-option` know, one row per
 * keyword (Emacs: the `socket_options` table in process.c). The first eight are Emacs's, in its
 * order; the rest are elproc's extensions. Adding an option is adding a row here.
 */
export const OPTION_TABLE: readonly OptionRow[] = Object.freeze(ROWS.map((row) => Object.freeze(row)));

const BY_KEYWORD: ReadonlyMap<string, OptionRow> = new Map(OPTION_TABLE.map((row) => [row.keyword, row]));

/** Emacs: the OPIX_REUSEADDR row, `:reuseaddr`, which servers set implicitly and accepted sockets inherit. */
export const REUSEADDR_ROW: OptionRow = BY_KEYWORD.get(':reuseaddr') as OptionRow;

/**
 * The option-table row for a keyword (`':keepalive'` or `intern(':keepalive')`), or undefined for
 * anything else, including `'keepalive'` without the colon, as in Emacs's `set_socket_option`.
 */
export function findOption(keyword: unknown): OptionRow | undefined {
  const name = keywordName(keyword);
  return name === undefined ? undefined : BY_KEYWORD.get(name);
}

/** Emacs: set_socket_option's table lookup as a predicate: whether a plist key is a socket-option keyword. */
export function isOptionKeyword(key: unknown): boolean {
  return findOption(key) !== undefined;
}
