import { constants, domainOf, libc, SystemCallError } from '../ffi';
import { LispError, wrongTypeArgument } from '../lisp/errors';
import { intern, t } from '../lisp/symbol';
import { isNil, isSymbol, keywordName, LispValue } from '../lisp/values';
import { decodeOption, encodeOption, OPTION_CODECS } from './encode';
import { fileError } from './file-error';
import { findOption, OPTION_TABLE, REUSEADDR_ROW } from './option-table';
import { EncodedOption, OptionRow, OptionSetting, OptionsSpec } from './types';

/** `(error "Unknown or unsupported option")`: the one error NO-ERROR turns into nil. */
export class UnknownOptionError extends LispError {
  constructor() {
    super('error', ['Unknown or unsupported option']);
  }
}

/**
 * Whether `err` is the error `set-network-process-option` turns into nil under NO-ERROR (Emacs:
 * only an unknown option is forgiven; bad values and setsockopt failures still signal).
 */
export function isUnknownOptionError(err: unknown): err is UnknownOptionError {
  return err instanceof UnknownOptionError;
}

// Only system-call failures become file errors; anything else is a bug and propagates.
function systemError(err: unknown, message: string, extra: LispValue[]): LispError {
  if (!(err instanceof SystemCallError)) throw err;
  return fileError(message, err, extra);
}

function setRaw(fd: number, row: OptionRow, encoded: EncodedOption): void {
  const c = constants();
  if (encoded.type === 'int') libc().setsockoptInt(fd, c[row.level], c[row.option], encoded.value);
  else libc().setsockoptBytes(fd, c[row.level], c[row.option], encoded.value);
}

// Emacs: set_socket_option's setsockopt call and its error data (OPTION VALUE after the strerror).
// Takes the setting's parts rather than an OptionSetting, so set-network-process-option builds none.
function applyEncoded(
  fd: number,
  row: OptionRow,
  value: LispValue,
  encoded: EncodedOption | LispError,
): void {
  if (encoded instanceof LispError) throw encoded;
  try {
    setRaw(fd, row, encoded);
  } catch (err) {
    throw systemError(err, 'Cannot set network option', [intern(row.keyword), value]);
  }
}

function getRaw(fd: number, row: OptionRow): EncodedOption {
  const c = constants();
  const wire = OPTION_CODECS[row.kind].wire;
  if (wire.type === 'int')
    return { type: 'int', value: libc().getsockoptInt(fd, c[row.level], c[row.option]) };
  return { type: 'bytes', value: libc().getsockoptBytes(fd, c[row.level], c[row.option], wire.size) };
}

function applySetting(fd: number, setting: OptionSetting): void {
  applyEncoded(fd, setting.row, setting.value, setting.encoded);
}

/**
 * Emacs: the option pass of connect_network_socket, between `socket()` and `bind`/`connect`.
 * Sets every option in argument order, signalling a bad value (`(error "Bad option value for
 * :priority")`), a non-symbol key (`(wrong-type-argument symbolp "foo")`) or a failed setsockopt
 * (`(file-error "Cannot set network option" STRERROR OPTION VALUE)`) when it is reached. Then, when
 * `implicitReuseaddr` (non-local servers) and `:reuseaddr` was not given, sets SO_REUSEADDR=1
 * (`(file-error "Cannot set reuse option on server socket" STRERROR)` on failure).
 */
export function applyCreationOptions(
  fd: number,
  options: Pick<OptionsSpec, 'steps' | 'reuseaddrGiven'>,
  { implicitReuseaddr }: { implicitReuseaddr: boolean },
): void {
  for (const step of options.steps) {
    if (step.kind === 'bad-key') throw step.error;
    applySetting(fd, step.setting);
  }
  if (implicitReuseaddr && !options.reuseaddrGiven) {
    try {
      setRaw(fd, REUSEADDR_ROW, { type: 'int', value: 1 });
    } catch (err) {
      throw systemError(err, 'Cannot set reuse option on server socket', []);
    }
  }
}

/**
 * The row for an option argument of `set-network-process-option`/`network-process-option`.
 * Emacs: CHECK_SYMBOL, then the table lookup. A non-symbol (a string without the colon, a number)
 * is `(wrong-type-argument symbolp OPTION)`; an unknown keyword or a symbol without the colon is
 * the UnknownOptionError.
 */
export function optionRowOf(option: unknown): OptionRow {
  if (keywordName(option) === undefined && !isSymbol(option))
    throw wrongTypeArgument('symbolp', option as LispValue);
  const row = findOption(option);
  if (row === undefined) throw new UnknownOptionError();
  return row;
}

/**
 * Emacs: set-network-process-option, the socket half (set_socket_option). Sets OPTION to VALUE on
 * `fd` and returns the option's row; the caller stores `(OPTION VALUE)` in the contact. Signals as
 * Emacs does: see optionRowOf for OPTION, then a bad value, then
 * `(file-error "Cannot set network option" STRERROR OPTION VALUE)`.
 */
export function setNetworkOption(fd: number, option: unknown, value: LispValue): OptionRow {
  const row = optionRowOf(option);
  // The value goes into the error data: spell JavaScript's true/false/undefined as t and nil.
  const lisp = value === true ? t : isNil(value) ? null : value;
  applyEncoded(fd, row, lisp, encodeOption(row, lisp));
  return row;
}

/**
 * Emacs: network-process-option (an elproc extension; Emacs has no getter). Reads the live value
 * with getsockopt and returns it as Lisp: `t`/nil, an integer, an interface name or nil, and for
 * `:linger` nil, `t` (no time limit) or the seconds. A failed getsockopt is
 * `(file-error "Cannot get network option" STRERROR OPTION)`.
 */
export function readNetworkOption(fd: number, option: unknown): LispValue {
  const row = optionRowOf(option);
  try {
    return decodeOption(row, getRaw(fd, row));
  } catch (err) {
    throw systemError(err, 'Cannot get network option', [intern(row.keyword)]);
  }
}

/** What resetInheritedOptions needs to know about the accepted socket (AF_* and SOCK_* numbers). */
export interface SocketKind {
  readonly domain: number;
  readonly type: number;
}

/**
 * How one option is put back on an accepted socket: what a fresh socket of its domain and type
 * reads (`initial`), and the setsockopt calls that restore it (derived from `initial` on first
 * use, then kept).
 */
interface DefaultEntry {
  readonly initial: EncodedOption;
  restore: readonly EncodedOption[] | undefined;
}

// Defaults of a fresh socket per domain, then type: null where the option does not apply there.
// Keyed by numbers rather than a "domain/type" string, so a lookup per accept allocates nothing.
const defaultsCache = new Map<number, Map<number, ReadonlyMap<OptionRow, DefaultEntry | null>>>();

function socketDefaults(kind: SocketKind): ReadonlyMap<OptionRow, DefaultEntry | null> {
  let byType = defaultsCache.get(kind.domain);
  const cached = byType?.get(kind.type);
  if (cached !== undefined) return cached;
  const fresh = libc().socket(kind.domain, kind.type | constants().SOCK_CLOEXEC, 0);
  const map = new Map<OptionRow, DefaultEntry | null>();
  try {
    for (const row of OPTION_TABLE) {
      try {
        map.set(row, { initial: getRaw(fresh, row), restore: undefined });
      } catch (err) {
        if (!(err instanceof SystemCallError)) throw err;
        map.set(row, null);
      }
    }
  } finally {
    libc().close(fresh);
  }
  if (byType === undefined) {
    byType = new Map();
    defaultsCache.set(kind.domain, byType);
  }
  byType.set(kind.type, map);
  return map;
}

// Sets one option of an accepted socket back to its default; a failure is collected, not thrown.
function resetRow(
  fd: number,
  row: OptionRow,
  defaults: ReadonlyMap<OptionRow, DefaultEntry | null>,
  failures: LispError[],
): void {
  const entry = defaults.get(row);
  if (entry === undefined || entry === null) return;
  try {
    if (entry.restore === undefined) entry.restore = OPTION_CODECS[row.kind].restore(entry.initial);
    const restore = entry.restore;
    for (let i = 0; i < restore.length; i++) setRaw(fd, row, restore[i] as EncodedOption);
  } catch (err) {
    failures.push(systemError(err, 'Cannot reset network option', [intern(row.keyword)]));
  }
}

// The rows already reset during one resetInheritedOptions call (a listener's settings can grow
// with set-network-process-option, so the set of rows is not cached). One array, emptied after
// each call, instead of a Set per accepted connection; nothing in between can re-enter.
const rowsDone: OptionRow[] = [];

function kindOf(fd: number): SocketKind {
  const c = constants();
  const domain = domainOf(libc().getsockname(fd));
  return { domain, type: libc().getsockoptInt(fd, c.SOL_SOCKET, c.SO_TYPE) };
}

/**
 * Contract decision 1 (children do not inherit; Emacs's accept sets nothing, so Linux's copies
 * stay): right after `accept`, sets every option the listener set (`settings`, at creation and
 * since, plus SO_REUSEADDR) on the accepted socket back to what a fresh socket of the same domain
 * and type shows, so getsockopt on the child reads the system defaults. The
 * defaults are read once per domain/type and cached. Pass `kind` to save two system calls per
 * accept. Best effort: returns the failures (e.g. EPERM unbinding a device without CAP_NET_RAW)
 * instead of throwing, since the connection itself is fine.
 *
 * Limits: for `:sndbuf`/`:rcvbuf` the value is restored but the kernel's "size set by the user"
 * lock, which the child inherited, stays (buffer autotuning remains off, as on the listener).
 */
export function resetInheritedOptions(
  childFd: number,
  settings: readonly OptionSetting[],
  kind?: SocketKind,
): LispError[] {
  const failures: LispError[] = [];
  let defaults: ReadonlyMap<OptionRow, DefaultEntry | null>;
  try {
    defaults = socketDefaults(kind ?? kindOf(childFd));
  } catch (err) {
    return [systemError(err, 'Cannot reset network option', [])];
  }
  // Each row the listener set, once, in the order first set; then SO_REUSEADDR, which Linux copies
  // from the listener too (including the implicit one), unless it was among them.
  try {
    for (let i = 0; i < settings.length; i++) {
      const row = (settings[i] as OptionSetting).row;
      if (rowsDone.includes(row)) continue;
      rowsDone.push(row);
      resetRow(childFd, row, defaults, failures);
    }
    if (!rowsDone.includes(REUSEADDR_ROW)) resetRow(childFd, REUSEADDR_ROW, defaults, failures);
  } finally {
    rowsDone.length = 0;
  }
  return failures;
}
