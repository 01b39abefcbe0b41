import { defun, intern, LispValue, NetworkProcess, processList, set, stringMatch, t } from '../../../src';
import { elByName } from '../../../src/process/functions/el-table';

/** tls-common.el's `tls-port`: the port of the test server NAME, from the environment. */
export function tlsPort(name: string): number {
  return Number(process.env[`ELPROC_TLS_PORT_${name.toUpperCase()}`]);
}

/** tls-common.el's `tls-file`. */
export function tlsFile(name: string): string {
  return `${process.env.ELPROC_TLS_DIR ?? ''}/${name}`;
}

/** tls-common.el's `tls-trust-test-ca`. */
export function trustTestCa(): void {
  set('gnutls-trustfiles', [tlsFile('ca.pem')]);
  set('gnutls-verify-error', t);
  set('network-security-level', intern('medium'));
}

/** tls-common.el's `statuses`. */
export function statuses(): LispValue {
  const list = processList().map((p) => [p.name, lisp('process-status', p) as LispValue]);
  return list.length === 0 ? null : list;
}

/** tls-common.el's `imap-starttls`, a named function as the Emacs half passes it. */
export const imapStarttls = defun('imap-starttls', (capabilities: string) =>
  stringMatch('STARTTLS', capabilities) === null ? null : '2 STARTTLS\r\n',
);

/** `(car r)` of a :return-list result. */
export function carProc(result: unknown): NetworkProcess {
  return (result as LispValue[])[0] as unknown as NetworkProcess;
}

/** Calls the Emacs function NAME through `el`, as the Emacs half calls it. */
export function lisp(name: string, ...args: unknown[]): unknown {
  const fn = elByName[name];
  if (fn === undefined) throw new Error(`no el entry for ${name}`);
  return fn(...args);
}
