import { lispError } from '../../lisp/errors';
import { plistGet, plistPut } from '../../lisp/plist';
import { t } from '../../lisp/symbol';
import { isNil, keywordName, LispValue, truthy } from '../../lisp/values';
import {
  encodeOption,
  isUnknownOptionError,
  readNetworkOption,
  setNetworkOption,
  socketAddressToLisp,
} from '../../options';
import { requireProcess } from '../core/designators';
import type { NetworkProcess } from '../core/record';
import { liveDatagramAddress } from './datagram-functions';

/**
 * Emacs: process-contact. KEY nil: `(HOST SERVICE)`; t: the whole contact plist; a keyword: its
 * value. A `:nowait` process still connecting has no addresses yet: with NO-BLOCK it gives nil
 * (Emacs would otherwise wait for the socket; elproc returns what it has).
 */
export function processContact(process: unknown, key?: unknown, noBlock?: unknown): LispValue {
  const proc = requireProcess(process);
  // A subprocess has no contact (Emacs: its childp is t).
  if (proc.processType === 'real') return t;
  if (truthy(noBlock) && proc.status.kind === 'connect') return null;
  if (isNil(key)) return [plistGet(proc.contact, ':host'), plistGet(proc.contact, ':service')];
  const wantsAll = key === true || key === t;
  // A live datagram process's :remote is its current datagram address.
  const datagramAddress = liveDatagramAddress(proc);
  if ((wantsAll || keywordName(key) === ':remote') && datagramAddress !== null) {
    plistPut(proc.contact, ':remote', socketAddressToLisp(datagramAddress));
  }
  if (wantsAll) return [...proc.contact];
  const name = keywordName(key);
  return name === undefined ? null : plistGet(proc.contact, name);
}

function requireSocket(proc: NetworkProcess): number {
  const fd = proc.fd;
  if (fd === null || proc.status.kind === 'exit' || proc.status.kind === 'failed') {
    throw lispError('Process is not running');
  }
  return fd;
}

/**
 * Emacs: set-network-process-option. Returns t and records the value in the contact; NO-ERROR
 * only turns "Unknown or unsupported option" into nil. Bad values and setsockopt failures signal.
 */
export function setNetworkProcessOption(
  process: unknown,
  option: unknown,
  value: unknown,
  noError?: unknown,
): LispValue {
  const proc = requireProcess(process);
  const fd = requireSocket(proc);
  let row;
  try {
    row = setNetworkOption(fd, option as LispValue, value as LispValue);
  } catch (err) {
    if (truthy(noError) && isUnknownOptionError(err)) return null;
    throw err;
  }
  plistPut(proc.contact, row.keyword, value as LispValue);
  // Linux copies a listener's current options to each accepted socket: the reset must see these.
  // Setting an option to the value it was last set to records nothing new (and allocates nothing).
  const options = proc.options;
  for (let i = options.length - 1; i >= 0; i--) {
    const setting = options[i];
    if (setting !== undefined && setting.row === row) {
      if (setting.value === value) return t;
      break;
    }
  }
  const setting = { row, value: value as LispValue, encoded: encodeOption(row, value as LispValue) };
  // delete-process reads `:linger` from this list (NetworkProcess.linger).
  options.push(setting);
  return t;
}

/** Extension (not in Emacs): the option's live value, read back from the kernel with getsockopt. */
export function networkProcessOption(process: unknown, option: unknown): LispValue {
  const proc = requireProcess(process);
  return readNetworkOption(requireSocket(proc), option as LispValue);
}
