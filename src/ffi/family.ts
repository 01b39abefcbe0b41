import { platformConstants } from './platform';
import type { SocketAddress } from './types';

/** A socket family by its three names: Emacs's symbol, SocketAddress's tag, and the C constant. */
interface FamilyRow {
  readonly lisp: 'ipv4' | 'ipv6' | 'local';
  readonly address: 'inet' | 'inet6' | 'unix';
  readonly constant: 'AF_INET' | 'AF_INET6' | 'AF_UNIX';
}

/** The one table of the families elproc names; everything that maps one name to another reads it. */
export const FAMILIES: readonly FamilyRow[] = [
  { lisp: 'ipv4', address: 'inet', constant: 'AF_INET' },
  { lisp: 'ipv6', address: 'inet6', constant: 'AF_INET6' },
  { lisp: 'local', address: 'unix', constant: 'AF_UNIX' },
];

/** The AF_* domain of a socket for `address` (`other` keeps the number it came with). */
export function domainOf(address: SocketAddress): number {
  if (address.family === 'other') return address.familyNumber;
  const row = FAMILIES.find((family) => family.address === address.family) as FamilyRow;
  return platformConstants()[row.constant];
}

/** The AF_* number of an Emacs family symbol's name. */
export function familyDomain(lisp: FamilyRow['lisp']): number {
  const row = FAMILIES.find((family) => family.lisp === lisp) as FamilyRow;
  return platformConstants()[row.constant];
}

/** The Emacs family name of an AF_* number, or null for one Emacs has no name for. */
export function domainFamily(domain: number): FamilyRow['lisp'] | null {
  const c = platformConstants();
  return FAMILIES.find((family) => c[family.constant] === domain)?.lisp ?? null;
}

/** The Emacs family name of an address, or null for an `other` one. */
export function addressFamily(address: SocketAddress): FamilyRow['lisp'] | null {
  return FAMILIES.find((family) => family.address === address.family)?.lisp ?? null;
}
