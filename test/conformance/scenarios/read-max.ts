import {
  NetworkProcess,
  processContact,
  processSendString,
  readProcessOutputMax,
  setReadProcessOutputMax,
  t,
} from '../../../src';
import { intern } from '../../../src';
import { mk, peerChild, Scenario, waitUntil } from '../twin';

/** read-process-output-max: the most one filter call of a stream read gets (clipped to 1). */
const readMax: Scenario = {
  name: 'read-process-output-max',
  async twin(out) {
    out.p('default', readProcessOutputMax());
    await out.try('setq a string', () => setReadProcessOutputMax('x'));
    await out.try('setq a float', () => setReadProcessOutputMax(1.5));
    await out.try('setq a bignum', () => setReadProcessOutputMax(2n ** 70n));
    let got: number[] = [];
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', (_p: NetworkProcess, text: string) => got.push(text.length),
    );
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    try {
      for (const max of [1000, 100, 1, 0, -5, 4096]) {
        setReadProcessOutputMax(max);
        got = [];
        processSendString(c, 'x'.repeat(3000));
        await waitUntil(() => got.reduce((a, b) => a + b, 0) >= 3000);
        out.p(`max ${max}: chunks`, got.length > 12 ? [got.length, intern('chunks-of'), got[0]] : got);
      }
    } finally {
      setReadProcessOutputMax(4096);
    }
  },
};

export const readMaxScenarios: readonly Scenario[] = [readMax];
