import { constants, familyDomain, libc, ResolverError } from '../../ffi';
import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { intern } from '../../lisp/symbol';
import { Cons, isNil, LispFloat, LispValue, LispVector, truthy } from '../../lisp/values';
import { socketAddressToLisp } from '../../options';
import { warn } from '../core/warnings';

const MAX_GROUP = 65535;
const MAX_BYTE = 255;
const FORMAT_MISMATCH = 'Format specifier doesn’t match argument type';

/** How Emacs prints a vector of each length (`size == 5 && OMIT-PORT` counts as 4). */
type VectorShape = { ipv6: boolean; withPort: boolean };

function vectorShape(size: number, omitPort: boolean): VectorShape | null {
  if (size === 4 || (size === 5 && omitPort)) return { ipv6: false, withPort: false };
  if (size === 5) return { ipv6: false, withPort: true };
  if (size === 8 || (size === 9 && omitPort)) return { ipv6: true, withPort: false };
  if (size === 9) return { ipv6: true, withPort: true };
  return null;
}

// RANGED_FIXNUMP (0, x, 65535): integers only, so 1.0 and "1" make the whole address invalid.
function smallInteger(value: unknown): number | null {
  if (typeof value === 'bigint') return value >= 0n && value <= BigInt(MAX_GROUP) ? Number(value) : null;
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  return value >= 0 && value <= MAX_GROUP ? value : null;
}

function formatVector(address: LispVector, omitPort: boolean): string | null {
  const shape = vectorShape(address.length, omitPort);
  if (shape === null) return null;
  const count = (shape.ipv6 ? 8 : 4) + (shape.withPort ? 1 : 0);
  const items: number[] = [];
  // Only the elements printed are checked: with OMIT-PORT the port may be anything at all.
  for (let i = 0; i < count; i++) {
    const item = smallInteger(address[i]);
    if (item === null) return null;
    if (!shape.ipv6 && i < 4 && item > MAX_BYTE) return null;
    items.push(item);
  }
  const host = shape.ipv6
    ? items
        .slice(0, 8)
        .map((group) => group.toString(16))
        .join(':')
    : items.slice(0, 4).join('.');
  if (!shape.withPort) return host;
  return shape.ipv6 ? `[${host}]:${items[8]}` : `${host}:${items[4]}`;
}

// Emacs's `format "%d"`: floats are truncated toward zero, anything else is an error.
function formatDecimal(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  const n = value instanceof LispFloat ? value.value : value;
  if (typeof n !== 'number') throw lispError(FORMAT_MISMATCH);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return BigInt(Math.trunc(n)).toString();
}

/**
 * Emacs: format-network-address
 *
 * `[A B C D PORT]` → `"A.B.C.D:PORT"`, `[G1 … G8 PORT]` → `"[g1:…:g8]:PORT"` (groups in `%x`, never
 * compressed); 4- and 8-element vectors, or any with OMIT-PORT, print without the port. A string
 * (a local socket) is returned as is, nil gives nil, and a cons `(FAMILY . DATA)` gives
 * `"<Family FAMILY>"` (FAMILY printed with `%d`, so a non-number signals
 * `(error "Format specifier doesn’t match argument type")`). Any other value, or a vector with an
 * element that is not an integer from 0 to 65535 (255 for the IPv4 host bytes), gives nil.
 */
export function formatNetworkAddress(address: unknown, omitPort: unknown = null): string | null {
  if (isNil(address)) return null;
  if (typeof address === 'string') return address;
  if (address instanceof LispVector) return formatVector(address, truthy(omitPort));
  if (address instanceof Cons) return `<Family ${formatDecimal(address.car)}>`;
  // A JavaScript array is a proper list: the empty one is nil, any other is a cons.
  if (Array.isArray(address)) return address.length === 0 ? null : `<Family ${formatDecimal(address[0])}>`;
  return null;
}

function lookupFamily(family: unknown): number {
  if (isNil(family)) return constants().AF_UNSPEC;
  for (const name of ['ipv4', 'ipv6'] as const) if (family === intern(name)) return familyDomain(name);
  throw lispError('Unsupported lookup type');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// C sees a Lisp string only up to its first NUL (SSDATA).
function upToNul(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

/**
 * Emacs's `message` for the echo area: elproc has none, so it is a process warning
 * (`ElprocWarning`), as for make-network-process's messages.
 */
function message(text: string): void {
  warn(text, undefined, 'ELPROC_LOOKUP_FAILED');
}

async function lookup(name: string, family: number): Promise<LispValue[] | null> {
  try {
    const results = await libc().getaddrinfo(upToNul(name), null, {
      family,
      socketType: constants().SOCK_DGRAM,
      flags: 0,
    });
    const addresses = results.map((result) => socketAddressToLisp(result.address));
    return addresses.length === 0 ? null : addresses;
  } catch (err) {
    if (!(err instanceof ResolverError)) throw err;
    // Emacs formats "%s/%s %s" with service "0", then prints it through "%s", which stops at a NUL.
    message(upToNul(`${name}/0 ${err.gaiMessage}`));
    return null;
  }
}

/**
 * Emacs: network-lookup-address-info
 *
 * Resolves NAME with getaddrinfo (a SOCK_DGRAM hint, so one result per address) and resolves to
 * the list of addresses as vectors with port 0, e.g. `[[127 0 0 1 0]]`, in getaddrinfo's order.
 * FAMILY is nil (both), `ipv4` or `ipv6`; anything else signals `(error "Unsupported lookup type")`.
 * Numeric names are read as glibc reads them (`"127.1"`, `"0xe3010203"`). When the lookup fails,
 * Emacs's message (`"NAME/0 Name or service not known"`) is emitted as an `ElprocWarning` and the
 * result is nil.
 *
 * Argument errors are thrown at once, not as a rejection: a non-ASCII NAME gives
 * `(error "Non-ASCII hostname NAME detected, please use puny-encode-domain")`, and a NAME that is
 * not a string `(wrong-type-argument stringp NAME)`, where Emacs 28 crashes.
 */
export function networkLookupAddressInfo(name: unknown, family: unknown = null): Promise<LispValue[] | null> {
  // Emacs checks FAMILY before it looks at NAME.
  const familyNumber = lookupFamily(family);
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name as LispValue);
  if (!isAscii(name)) throw lispError(`Non-ASCII hostname ${name} detected, please use puny-encode-domain`);
  return lookup(name, familyNumber);
}
