import type { AbortSpec } from './parse-abort';
import type { PlatformConstants } from '../ffi';
import { LispError } from '../lisp/errors';
import { LispSymbol } from '../lisp/symbol';
import { LispFunction, LispValue, LispVector } from '../lisp/values';

/**
 * How an option's Lisp value is encoded for setsockopt (one encoder/decoder per kind).
 * `buffer-size` is an `int` whose kernel value is twice what was set (SO_SNDBUF, SO_RCVBUF).
 */
export type OptionKind = 'bool' | 'int' | 'ifname' | 'linger' | 'buffer-size';

/** The name of a C constant in the platform table, e.g. `'SOL_SOCKET'`. */
export type ConstantName = keyof PlatformConstants;

/** One row of the option table: pure data. */
export interface OptionRow {
  /** The keyword, e.g. ':keepalive'. */
  readonly keyword: string;
  /** setsockopt level/name as names of platform constants (e.g. 'SOL_SOCKET', 'SO_KEEPALIVE'). */
  readonly level: ConstantName;
  readonly option: ConstantName;
  readonly kind: OptionKind;
  /** False for elproc's extensions (not in Emacs 28). */
  readonly emacs: boolean;
  /** IPPROTO_TCP options: meaningful on TCP sockets only (setsockopt fails elsewhere). */
  readonly tcpOnly?: boolean;
}

/** A value ready for setsockopt. */
export type EncodedOption = { type: 'int'; value: number } | { type: 'bytes'; value: Buffer };

/**
 * One option occurrence from the argument list, in argument order. Encoding errors are kept,
 * not thrown, so they are signalled at the moment Emacs signals them (when the socket is set up).
 */
export interface OptionSetting {
  readonly row: OptionRow;
  /** The Lisp value as given (stored in the contact and reported by process-contact). */
  readonly value: LispValue;
  readonly encoded: EncodedOption | LispError;
}

/**
 * One key/value pair of the argument list that the option pass acts on, in argument order: an
 * option to set, or a key that is not a symbol, which Emacs signals as
 * `(wrong-type-argument symbolp KEY)` when the pass reaches it (after the options before it).
 */
export type OptionStep =
  | { readonly kind: 'option'; readonly setting: OptionSetting }
  | { readonly kind: 'bad-key'; readonly key: LispValue; readonly error: LispError };

/** `SocketOptions`: one typed field per option, the last occurrence winning (for reading). */
export interface SocketOptions {
  bindtodevice?: string | null;
  broadcast?: boolean;
  dontroute?: boolean;
  keepalive?: boolean;
  /** null = off; true = deliver everything (no limit); number = seconds (0 = reset). */
  linger?: null | true | number;
  oobinline?: boolean;
  priority?: number;
  reuseaddr?: boolean;
  sndbuf?: number;
  rcvbuf?: number;
  sndlowat?: number;
  rcvlowat?: number;
  nodelay?: boolean;
  keepidle?: number;
  keepintvl?: number;
  keepcnt?: number;
  reuseport?: boolean;
}

/** `other`: an integer `:family` that is none of the named ones (handed to getaddrinfo as is). */
export type Family = 'unspec' | 'ipv4' | 'ipv6' | 'local' | 'other';
export type ConnectionType = 'stream' | 'datagram' | 'seqpacket';

/** A Lisp address (`[127 0 0 1 80]`, 9-vector, string path) validated into a typed record. */
export type NetworkAddress =
  | { family: 'ipv4'; bytes: [number, number, number, number]; port: number }
  | { family: 'ipv6'; groups: number[]; port: number }
  | { family: 'local'; path: Buffer };

/**
 * A process plist as Emacs keeps it: a list (a flat array), or the vector or string `:plist` gave
 * (make-network-process stores any sequence; `process-get` then finds nothing in it and
 * `process-put` signals `(wrong-type-argument plistp X)`).
 */
export type ProcessPlist = LispValue[] | LispVector | string;

/**
 * A filter, sentinel or `:log` function: a function, a symbol naming one (via `defun`), `t`
 * (filters), or, as Emacs stores any value, something that is no function (`5`, `"s"`), which is
 * kept as given and signals `(invalid-function 5)` only when called.
 */
export type Handler = LispFunction | LispSymbol | Exclude<LispValue, null | undefined | boolean>;

/**
 * Where a process's socket goes, from `:local`/`:remote`, `:family`, `:host` and `:service`: an
 * address given outright, a local socket's path, or a host and service to look up.
 */
export interface EndpointSpec {
  /** From :family, or from the :local/:remote address when one is given. */
  readonly family: Family;
  /** The AF_* number asked for (AF_UNSPEC for unspec); use it for `other`. */
  readonly familyNumber: number;
  /** :local for servers / :remote for clients, when given, as a typed address. */
  readonly address: NetworkAddress | null;
  /** For local sockets given by :service: the path. */
  readonly localPath: Buffer | null;
  /** The host string to resolve ("127.0.0.1"/"::1" for nil and `local`); null when not resolving. */
  readonly resolveHost: string | null;
  /** The service text handed to getaddrinfo (null for local sockets and :local/:remote). */
  readonly serviceText: string | null;
  /**
   * Datagram servers: the initial datagram address from :remote (null when absent or malformed;
   * Emacs also ignores one whose family or size differs from the bound socket's).
   */
  readonly datagramRemote: NetworkAddress | null;
}

/** The socket options of an argument list, in the views the layers below need. */
export interface OptionsSpec {
  /** Socket options in argument order (duplicates too). */
  readonly settings: readonly OptionSetting[];
  /** Options and non-symbol keys in argument order: what applyCreationOptions walks. */
  readonly steps: readonly OptionStep[];
  /** The options as a typed record, the last occurrence winning (what the socket ends up with). */
  readonly values: SocketOptions;
  /** Whether :reuseaddr appeared at all (suppresses the implicit SO_REUSEADDR=1 on servers). */
  readonly reuseaddrGiven: boolean;
}

/**
 * `NetworkProcessSpec`: every `make-network-process` keyword elproc acts on, typed. Produced by
 * parseNetworkProcessArgs; never mutated afterwards (but for `contact`, see there). Keywords that
 * are only recorded (`:tls-parameters`, `:use-external-socket`, `:filter-multibyte`) are in the
 * contact alone.
 */
export interface NetworkProcessSpec {
  /** The argument list with keys as keyword symbols: the initial contact plist. */
  readonly contact: LispValue[];
  readonly name: string;
  /** null = no buffer; a string is a name for get-buffer-create; otherwise a buffer object. */
  readonly buffer: LispValue;
  readonly type: ConnectionType;
  readonly server: boolean;
  readonly backlog: number;
  /** :nowait as given (true); Emacs honours it for stream clients only. */
  readonly nowait: boolean;
  readonly noquery: boolean;
  readonly stop: boolean;
  /** As given (`t` for JavaScript's true); a value that is no function (`42`) is kept too. */
  readonly filter: Handler | null;
  readonly sentinel: Handler | null;
  readonly log: Handler | null;
  /**
   * A copy of :plist (Emacs: copy-sequence): a list, or a vector or string as given; empty when
   * :plist is absent, or when it is not a sequence (see deferredError).
   */
  readonly plist: ProcessPlist;
  /**
   * [decoding, encoding] as :coding gives them (a symbol for both, or the car and cdr of a cons),
   * or null for the default. Not validated: resolving a coding system is the process layer's job.
   */
  readonly coding: readonly [LispValue, LispValue] | null;
  readonly endpoint: EndpointSpec;
  readonly options: OptionsSpec;
  /**
   * An error Emacs signals only after name resolution and :buffer creation (it checks :plist,
   * then :tls-parameters, once the process object exists): the process layer throws it then.
   */
  readonly deferredError: LispError | null;
  /** `:signal` and `:timeout` (extensions): how a Node program gives up on the process. */
  readonly abort: AbortSpec;
}
