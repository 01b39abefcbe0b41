import {
  bufferString,
  callProcess,
  cons,
  deleteProcess,
  featurep,
  intern,
  letBindings,
  processCodingSystem,
  processList,
  processSendEof,
  processSendString,
  setProcessCodingSystem,
  t,
  withTempBuffer,
} from '../../../src';
import { bufferText, names, Scenario, waitUntil } from '../twin';
import { pipeProcess } from './subprocess-signals';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const finished = (buffer: string) => (): boolean => text(bufferText(buffer)).includes('finished');

const subCoding: Scenario = {
  name: 'sub-coding',
  async twin(out) {
    // prettier-ignore
    const p = pipeProcess(':name', 'l1', ':command', ['printf', 'caf\\351\\n'], ':buffer', 'l1b', ':coding', intern('latin-1'));
    out.p('coding latin-1', processCodingSystem(p));
    await waitUntil(finished('l1b'));
    out.p('latin-1 output', bufferText('l1b'));
    const q = pipeProcess(':name', 'u', ':command', ['od', '-An', '-tx1'], ':buffer', 'ub');
    processSendString(q, 'é€');
    processSendEof(q);
    await waitUntil(finished('ub'));
    out.p('utf-8 bytes sent', bufferText('ub'));
    out.p('coding after send', processCodingSystem(q));
    // prettier-ignore
    const r = pipeProcess(':name', 'pair', ':command', ['cat'], ':coding', cons(intern('utf-8'), intern('latin-1')));
    out.p('coding pair', processCodingSystem(r));
    setProcessCodingSystem(r, intern('binary'), intern('binary'));
    out.p('set-process-coding-system', processCodingSystem(r));
    deleteProcess(r);
    // prettier-ignore
    await out.try('unknown coding', () => pipeProcess(':name', 'bad', ':command', ['true'], ':coding', intern('no-such-coding')));
    out.p('after unknown coding', names(processList()));
    // prettier-ignore
    const s = await letBindings([[intern('coding-system-for-read'), intern('latin-1')]], async () =>
      pipeProcess(':name', 'cfr', ':command', ['printf', '\\351'], ':buffer', 'cfrb'));
    out.p('coding-system-for-read', processCodingSystem(s));
    await waitUntil(finished('cfrb'));
    out.p('its output', bufferText('cfrb'));
    out.p('featurep make-process', featurep(intern('make-process')));
    out.p('featurep make-network-process', featurep(intern('make-network-process')));
    await withTempBuffer(async () => {
      await letBindings([[intern('coding-system-for-read'), intern('latin-1')]], () =>
        callProcess('printf', null, t, null, '\\351'),
      );
      out.p('call-process latin-1', bufferString());
    });
  },
};

export const subprocessCodingScenarios: readonly Scenario[] = [subCoding];
