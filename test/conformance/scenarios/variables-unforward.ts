import {
  NetworkProcess,
  bufferLocalVariables,
  boundp,
  defaultBoundp,
  generateNewBuffer,
  intern,
  killBuffer,
  localVariableIfSetP,
  localVariableP,
  makunbound,
  processContact,
  processSendString,
  set,
  symbolValue,
  t,
  withCurrentBuffer,
  Cons,
} from '../../../src';
import { mk, peerChild, Scenario, waitUntil } from '../twin';

/** emacs's with-temp-buffer, for a synchronous body. */
function withTemp<T>(fn: () => T): T {
  const buffer = generateNewBuffer(' *temp*');
  try {
    return withCurrentBuffer(buffer, fn);
  } finally {
    killBuffer(buffer);
  }
}

/** makunbound of a built-in: the symbol stops forwarding, and what elproc obeys keeps its last value. */
const unforward: Scenario = {
  name: 'var-unforward',
  async twin(out) {
    const max = intern('read-process-output-max');
    const cfs = intern('case-fold-search');
    let got: number[] = [];
    set(max, 100);
    out.p('makunbound', makunbound(max));
    out.p('void', [boundp(max), defaultBoundp(max)]);
    await out.try('symbol-value', () => symbolValue(max));
    out.p('now a plain variable: any value', set(max, 'not a number'));
    out.p('local-variable-if-set-p', localVariableIfSetP(max));
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', (_p: NetworkProcess, text: string) => got.push(text.length),
    );
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    got = [];
    processSendString(c, 'x'.repeat(300));
    await waitUntil(() => got.reduce((a, b) => a + b, 0) >= 300);
    out.p('reads still stop at 100 bytes', got);
    out.p('makunbound case-fold-search', makunbound(cfs));
    out.p('void too', [boundp(cfs), localVariableIfSetP(cfs)]);
    withTemp(() => {
      set(cfs, intern('plain'));
      const entry = bufferLocalVariables().find((e) => e instanceof Cons && e.car === cfs) ?? null;
      out.p('set: a plain variable', [symbolValue(cfs), localVariableP(cfs), entry]);
    });
    out.p(
      'seen everywhere',
      withTemp(() => symbolValue(cfs)),
    );
    let caught: unknown;
    try {
      makunbound('enable-multibyte-characters');
    } catch (err) {
      caught = (err as { toLisp(): unknown }).toLisp();
    }
    out.p('enable-multibyte-characters cannot be made void', caught);
  },
};

export const unforwardScenarios: readonly Scenario[] = [unforward];
