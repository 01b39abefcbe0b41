import type { LispSymbol } from '../../lisp/symbol';
import type { LispString } from '../../lisp/unibyte';
import type { Cons, LispVector } from '../../lisp/values';
import type { LispBuffer } from '../../text/buffer';
import type { NetworkProcess } from '../core/record';

/*
 * The object form of make-network-process, typed: each keyword without its colon (`:filter-
 * multibyte` is `filterMultibyte`), with the values Emacs takes for it. A misspelt key or a value
 * of the wrong type fails to compile, and handlers get their parameters' types from here. The
 * plist form takes the same values, unchecked (a plist has no shape TypeScript can follow).
 */

/** Emacs's t and nil, in the spellings elproc takes: `t`/`true`, `nil`/`null`/`false`. */
export type LispBoolean = boolean | LispSymbol | null;

/** A filter: PROCESS and the text it read, decoded (a UnibyteString for unibyte text). */
export type ProcessFilterFunction = (process: NetworkProcess, output: LispString) => unknown;
/** A sentinel: PROCESS and the event, such as `"open from 127.0.0.1\n"` or `"deleted\n"`. */
export type ProcessSentinelFunction = (process: NetworkProcess, event: string) => unknown;
/** A server's `:log`: the server, the new child (or nil) and the message. */
export type ProcessLogFunction = (
  server: NetworkProcess,
  client: NetworkProcess | null,
  message: string,
) => unknown;

export interface MakeNetworkProcessOptions {
  /** Emacs: :name, required (a unique name is made from it: `srv<1>`). */
  readonly name: string;
  /** A buffer or a buffer name (made if it does not exist); nil for none. */
  readonly buffer?: string | LispBuffer | null;
  /** A host name or address text; the symbol `local` for the local host. */
  readonly host?: string | LispSymbol | null;
  /** A port number, a service name, `t` (any free port, for servers), or a socket path. */
  readonly service?: number | string | LispSymbol | true | null;
  /** `'datagram'` or `'seqpacket'` (strings become symbols); nil for a stream. */
  readonly type?: 'datagram' | 'seqpacket' | LispSymbol | null;
  /** `'ipv4'`, `'ipv6'` or `'local'`; nil to let the host decide. */
  readonly family?: 'ipv4' | 'ipv6' | 'local' | LispSymbol | null;
  /** An address vector (`[127 0 0 1 80]`) or a socket path. */
  readonly local?: LispVector | string | null;
  readonly remote?: LispVector | string | null;
  /** A coding system name (strings become symbols), or `(DECODING . ENCODING)`. */
  readonly coding?: string | LispSymbol | Cons | null;
  readonly nowait?: LispBoolean;
  readonly noquery?: LispBoolean;
  readonly stop?: LispBoolean;
  /** A function, a symbol naming one, `t` (read nothing), or nil for the default filter. */
  readonly filter?: ProcessFilterFunction | LispSymbol | true | null;
  readonly filterMultibyte?: LispBoolean;
  readonly sentinel?: ProcessSentinelFunction | LispSymbol | null;
  readonly log?: ProcessLogFunction | LispSymbol | null;
  /** The process plist to start with. */
  readonly plist?: readonly unknown[] | null;
  /** As gnutls-boot-parameters makes it: `(TYPE . PARAMETERS)`. */
  readonly tlsParameters?: readonly unknown[] | null;
  /** `t` for a server, or its listen backlog. */
  readonly server?: LispBoolean | number;
  readonly useExternalSocket?: LispBoolean;
  readonly bindtodevice?: string | null;
  readonly broadcast?: LispBoolean;
  readonly dontroute?: LispBoolean;
  readonly keepalive?: LispBoolean;
  /** `t`, nil, or seconds (0: reset on close). */
  readonly linger?: LispBoolean | number;
  readonly oobinline?: LispBoolean;
  readonly priority?: number | null;
  readonly reuseaddr?: LispBoolean;
  /** Extensions, not in Emacs (featurep lists them). */
  readonly sndbuf?: number | null;
  readonly rcvbuf?: number | null;
  readonly sndlowat?: number | null;
  readonly rcvlowat?: number | null;
  readonly nodelay?: LispBoolean;
  readonly keepidle?: number | null;
  readonly keepintvl?: number | null;
  readonly keepcnt?: number | null;
  readonly reuseport?: LispBoolean;
  /** Aborting it gives up on making the process (quit), or deletes it once made. */
  readonly signal?: AbortSignal | null;
  /** Seconds a stream connection may take to be made. */
  readonly timeout?: number | null;
}

/** The plist form's first key: a keyword string (`':name'`) or a keyword symbol. */
export type NetworkProcessKey = `:${string}` | LispSymbol;
