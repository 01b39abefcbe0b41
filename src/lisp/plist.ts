import { wrongTypeArgument } from './errors';
import { intern } from './symbol';
import { LispValue, eq, keywordName } from './values';

/** Emacs: a property list, as elproc keeps one: a flat JavaScript array, or nil. */
export type Plist = LispValue[] | null | undefined;

/**
 * Index of the first key equal to `key`, looking at even positions that have a value after them.
 * Keys match by `eq`, except that a keyword may be spelled `':name'` or `intern(':name')`.
 */
function keyIndex(plist: Plist, key: unknown): number {
  if (!plist) return -1;
  const name = keywordName(key);
  if (name !== undefined) {
    // Symbols are interned, so a keyword key is its one symbol or its name as a string.
    const symbol = intern(name);
    for (let i = 0; i + 1 < plist.length; i += 2) {
      const candidate = plist[i];
      if (candidate === symbol || candidate === name) return i;
    }
    return -1;
  }
  for (let i = 0; i + 1 < plist.length; i += 2) {
    if (eq(plist[i], key)) return i;
  }
  return -1;
}

/** Emacs: plist-get (the first occurrence wins; a missing key gives nil). */
export function plistGet(plist: Plist, key: unknown): LispValue {
  const i = keyIndex(plist, key);
  return i < 0 ? null : (plist?.[i + 1] ?? null);
}

/** Emacs: plist-member, as a boolean: true even when the key's value is nil. */
export function plistMember(plist: Plist, key: unknown): boolean {
  return keyIndex(plist, key) >= 0;
}

/**
 * Emacs: plist-put. Mutates `plist` in place, as Emacs does: an existing key gets its value
 * replaced where it stands, a new key is appended with its value. Returns the plist (a new array
 * when given nil). Reaching an odd tail before finding the key signals
 * `(wrong-type-argument plistp PLIST)`, as Emacs 28 does.
 */
export function plistPut(plist: Plist, key: LispValue, value: LispValue): LispValue[] {
  const list = plist ?? [];
  const i = keyIndex(list, key);
  if (i >= 0) {
    list[i + 1] = value;
    return list;
  }
  if (list.length % 2 !== 0) throw wrongTypeArgument('plistp', list);
  // A keyword spelled as a string is stored as its symbol, so that the plist prints as Lisp.
  const name = keywordName(key);
  list.push(name === undefined ? key : intern(name), value);
  return list;
}

/**
 * The keys of a plist in order, as given and duplicates included (a contact plist can hold
 * `:keepalive t :keepalive nil`). Emacs has no such function; this is
 * `(cl-loop for (key _) on PLIST by #'cddr collect key)`.
 */
export function plistKeys(plist: Plist): LispValue[] {
  const keys: LispValue[] = [];
  if (!plist) return keys;
  for (let i = 0; i + 1 < plist.length; i += 2) keys.push(plist[i] ?? null);
  return keys;
}
