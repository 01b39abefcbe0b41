import {
  LispBuffer,
  NetworkProcess,
  bufferSize,
  continueProcess,
  eraseBuffer,
  internalDefaultProcessFilter,
  markerPosition,
  processBuffer,
  processContact,
  processMark,
  processSendString,
  processStatus,
  stopProcess,
  t,
  withCurrentBuffer,
} from '../../../src';
import { Scenario, bufferText, mk, peerChild, settle, thePeerChild, waitUntil } from '../twin';

/**
 * A filter that calls internal-default-process-filter, the README's way of bounding a buffer that
 * nothing consumes: insert as the default filter does, stop reading at a size limit.
 */
const defaultFilterCall: Scenario = {
  name: 'default-filter-call',
  async twin(out) {
    const srv = await mk(':name', 'srv', ':server', t, ':service', t);
    const port = processContact(srv, ':service') as number;
    // prettier-ignore
    const c1 = await mk(':name', 'c1', ':buffer', 'c1buf', ':host', '127.0.0.1', ':service', port,
      ':filter', (proc: NetworkProcess, text: string) => {
        internalDefaultProcessFilter(proc, text);
        if (bufferSize(processBuffer(proc) as LispBuffer) >= 10) stopProcess(proc);
      });
    await waitUntil(() => peerChild('srv', c1));
    const child = thePeerChild('srv', c1);
    const text = (): unknown => bufferText('c1buf');
    processSendString(child, '0123456789');
    await waitUntil(() => text() === '0123456789');
    out.p('c1buf', text());
    out.p('mark', markerPosition(processMark(c1)));
    out.p('status after the limit', processStatus(c1));
    processSendString(child, 'more');
    await settle(300);
    out.p('c1buf while stopped', text());
    withCurrentBuffer('c1buf', () => eraseBuffer());
    continueProcess(c1);
    await waitUntil(() => text() === 'more');
    out.p('c1buf after continue', text());
    out.p('status after continue', processStatus(c1));
    await out.try('no process', () => internalDefaultProcessFilter(1, 'x'));
    await out.try('no string', () => internalDefaultProcessFilter(c1, 5));
    await out.try('server without buffer', () => internalDefaultProcessFilter(srv, 'abc'));
    await out.try('returns', () => internalDefaultProcessFilter(c1, 'direct'));
    out.p('c1buf after direct call', text());
    out.p('mark after direct call', markerPosition(processMark(c1)));
  },
};

export const defaultFilterCallScenarios: readonly Scenario[] = [defaultFilterCall];
