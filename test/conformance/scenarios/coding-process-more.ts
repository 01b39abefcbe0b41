import {
  NetworkProcess,
  deleteProcess,
  getBufferCreate,
  intern,
  letBindings,
  lispBool,
  processCodingSystem,
  processContact,
  processSendString,
  setBufferMultibyte,
  t,
  unibyteString,
  withCurrentBuffer,
} from '../../../src';
import type { LispString } from '../../../src';
import { Scenario, mk, peerChild, settle, thePeerChild, waitUntil } from '../twin';
import { chars } from './coding-strings';

const sym = intern;
const uni = (...bytes: number[]): LispString => unibyteString(...bytes);

/** Invalid UTF-8 through an echo server with the default coding: raw bytes come back unchanged. */
const procRoundtrip: Scenario = {
  name: 'proc-roundtrip',
  async twin(out) {
    let seen: (number[] | null)[] = [];
    // prettier-ignore
    const srv = await mk(':name', 'echo', ':server', t, ':service', t,
      ':filter', (pr: NetworkProcess, s: LispString) => { seen.unshift(chars(s)); processSendString(pr, s); });
    const port = processContact(srv, ':service');
    let back: number[] = [];
    // prettier-ignore
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', sym('binary'),
      ':filter', (_p: NetworkProcess, s: LispString) => { back = [...back, ...(chars(s) ?? [])]; });
    await waitUntil(() => peerChild('echo', c));
    const all = Array.from({ length: 256 }, (_x, i) => i);
    const inputs = [[97, 195, 40, 98], [255, 254, 0, 128, 10], [237, 160, 128, 192, 175, 245, 128, 10], all];
    for (const bytes of inputs) {
      seen = [];
      back = [];
      processSendString(c, uni(...bytes));
      await waitUntil(() => back.length >= bytes.length);
      out.p(
        'echoed unchanged',
        lispBool(back.length === bytes.length && back.every((b, i) => b === bytes[i])),
      );
      const saw = [...seen].reverse();
      out.p("the server's filter saw", bytes.length > 20 ? saw.flatMap((x) => x ?? []).length : saw);
    }
    seen = [];
    back = [];
    processSendString(c, uni(226, 130, 172, 226, 130));
    await waitUntil(() => back.length > 0);
    await settle(0.05);
    out.p('truncated: back', back);
    out.p('truncated: the filter saw', [...seen].reverse());
    out.p('server child coding', processCodingSystem(thePeerChild('echo', c)));
  },
};

export const codingRoundtripScenarios: readonly Scenario[] = [procRoundtrip];

/** coding-system-for-read and -write as make-network-process takes them. */
const codingForReadWrite: Scenario = {
  name: 'coding-for-read-write',
  async twin(out) {
    const forRW = <T>(read: string | null, write: string | null, body: () => Promise<T>): Promise<T> =>
      letBindings(
        [
          [sym('coding-system-for-read'), read === null ? null : sym(read)],
          [sym('coding-system-for-write'), write === null ? null : sym(write)],
        ],
        body,
      );
    const common = [
      ':server',
      t,
      ':noquery',
      t,
      ':family',
      sym('ipv4'),
      ':service',
      t,
      ':host',
      sym('local'),
    ];
    let server = await forRW('binary', 'utf-8-unix', () => mk(':name', 'server', ...common));
    out.p('bound', processCodingSystem(server));
    deleteProcess(server);
    server = await forRW('binary', 'utf-8-unix', () => mk(':name', 'server', ...common, ':coding', null));
    out.p(':coding nil does not override', processCodingSystem(server));
    deleteProcess(server);
    server = await forRW('binary', 'utf-8-unix', () =>
      mk(':name', 'server', ...common, ':coding', sym('georgian-academy')),
    );
    out.p(':coding overrides', processCodingSystem(server));
    deleteProcess(server);
    const s = await forRW('latin-1', null, () =>
      mk(':name', 's', ':server', t, ':service', t, ':host', sym('local')),
    );
    out.p('only for-read', processCodingSystem(s));
    out.p(
      'unbound again',
      processCodingSystem(await mk(':name', 's2', ':server', t, ':service', t, ':host', sym('local'))),
    );
    await forRW(null, 'no-such', () =>
      out.try('unknown for-write', () =>
        mk(':name', 's3', ':server', t, ':service', t, ':host', sym('local')),
      ),
    );
    withCurrentBuffer(getBufferCreate('u'), () => setBufferMultibyte(null));
    const us = await mk(':name', 'us', ':server', t, ':service', t, ':buffer', 'u');
    out.p('unibyte buffer, no :coding', processCodingSystem(us));
    const uport = processContact(us, ':service');
    const uc = await mk(':name', 'uc', ':host', '127.0.0.1', ':service', uport, ':buffer', 'u');
    out.p('unibyte buffer client', processCodingSystem(uc));
    const uc2 = await mk(
      ':name',
      'uc2',
      ':host',
      '127.0.0.1',
      ':service',
      uport,
      ':buffer',
      'u',
      ':coding',
      sym('utf-8'),
    );
    out.p('unibyte buffer, :coding utf-8', processCodingSystem(uc2));
    const uc3 = await forRW('latin-1', null, () =>
      mk(':name', 'uc3', ':host', '127.0.0.1', ':service', uport, ':buffer', 'u'),
    );
    out.p('unibyte buffer, coding-system-for-read', processCodingSystem(uc3));
  },
};

export const codingVariableScenarios: readonly Scenario[] = [codingForReadWrite];
