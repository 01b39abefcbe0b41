import {
  LispValue,
  NetworkProcess,
  acceptProcessOutput,
  bufferSubstring,
  cancelFunctionTimers,
  deleteRegion,
  el,
  generateNewBuffer,
  gethash,
  gotoChar,
  hashTableCount,
  insert,
  intern,
  jsonParseString,
  lispCatch,
  lispThrow,
  makeHashTable,
  matchString,
  point,
  pointMin,
  processBuffer,
  processContact,
  processMark,
  processSendString,
  puthash,
  remhash,
  saveExcursion,
  searchForward,
  setMarker,
  stringMatch,
  t,
  unwindProtect,
  withCurrentBuffer,
} from '../../../src';
import { Events, Scenario, bufferText, mk, peerChild, waitUntil } from '../twin';

const SCRIPT: Readonly<Record<string, string>> = {
  first: '{"id":1,"result":"r1"}\n{"method":"note","params":1}\n',
  second: '{"method":"note","params":2}\n{"id":2,"result":"r2"}\n{"method":"note","params":3}\n',
  third: '{"id":3,"result":"r3"}\n',
};

/** jsonrpc.el's pattern, a reply and a notification in one read (emacs/jsonrpc-throw.el). */
export const jsonrpcThrow: Scenario = {
  name: 'jsonrpc-throw',
  async twin(out) {
    cancelFunctionTimers(intern('show-paren-function'));
    const log = new Events();
    const logit = (...args: unknown[]): void => log.push(args);
    const continuations = makeHashTable();
    let nextId = 0;
    const plistGet = el['plist-get'] as (plist: unknown, prop: unknown) => LispValue;

    const rpcFilter = (proc: NetworkProcess, text: string): void => {
      const buffer = processBuffer(proc);
      if (buffer === null || !buffer.live) return;
      withCurrentBuffer(buffer, () => {
        saveExcursion(() => {
          gotoChar(processMark(proc));
          insert(text);
          setMarker(processMark(proc), point());
        });
        gotoChar(pointMin());
        while (searchForward('\n', null, t) !== null) {
          const lineEnd = point();
          unwindProtect(
            () => {
              const msg = jsonParseString(
                bufferSubstring(pointMin(), lineEnd - 1),
                ':object-type',
                intern('plist'),
              );
              const id = plistGet(msg, intern(':id'));
              if (id !== null) {
                logit(intern('reply'), id, plistGet(msg, intern(':result')));
                (gethash(id, continuations) as (result: LispValue) => void)(plistGet(msg, intern(':result')));
              } else logit(intern('notification'), plistGet(msg, intern(':params')));
            },
            () => {
              deleteRegion(pointMin(), lineEnd);
              gotoChar(pointMin());
            },
          );
        }
      });
    };

    const rpcRequest = async (proc: NetworkProcess, method: string): Promise<LispValue> => {
      const tag = intern(`jsonrpc-request-catch-tag-${method}`);
      const id = ++nextId;
      const retval = (await unwindProtect(
        () =>
          lispCatch(tag, async () => {
            puthash(id, (result: LispValue) => lispThrow(tag, [intern('done'), result]), continuations);
            processSendString(proc, `${method} ${id}\n`);
            for (;;) await acceptProcessOutput(null, 30);
          }),
        () => {
          remhash(id, continuations);
          logit(intern('request-unwound'), id);
        },
      )) as LispValue[];
      logit(intern('request-returned'), id, retval);
      return retval[1] as LispValue;
    };

    // prettier-ignore
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', (proc: NetworkProcess, text: string) => {
        stringMatch('\\([a-z]+\\) \\([0-9]+\\)', text);
        processSendString(proc, SCRIPT[matchString(1, text) as string] ?? '');
      });
    // prettier-ignore
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'),
      ':buffer', generateNewBuffer('rpc'), ':filter', rpcFilter);
    await waitUntil(() => peerChild('srv', c));
    for (const [label, method] of [
      ['first request', 'first'],
      ['second request', 'second'],
      ['third request', 'third'],
    ] as const) {
      out.p(label, await rpcRequest(c, method));
      out.p('left in the buffer', bufferText(processBuffer(c)));
    }
    out.p('events', log.list);
    out.p('continuations left', hashTableCount(continuations));
  },
};
