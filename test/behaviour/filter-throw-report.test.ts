/*
 * A throw without a catch from a filter, as batch Emacs reports it (with
 * backtrace-on-error-noninteractive nil, so that it prints the report instead of a backtrace),
 * and as elproc reports it: the same text, as an ElprocWarning, once, sync or async, and the
 * process keeps running (batch Emacs exits with status 255: README, differences).
 */
import {
  NetworkProcess,
  acceptProcessOutput,
  intern,
  lispThrow,
  processContact,
  processSendString,
  processStatus,
  t,
} from '../../src';
import { emacsPath, runEmacsBatch } from '../support/emacs-batch';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';
import { waitFor } from '../support/wait';

const EMACS_STEPS = `(progn
  (setq backtrace-on-error-noninteractive nil)
  (setq srv (make-network-process :name "srv" :server t :service t :host "127.0.0.1"
                                  :filter (lambda (p s) (process-send-string p s))))
  (setq c (make-network-process :name "c" :host "127.0.0.1" :service (process-contact srv :service)
                                :filter (lambda (_p s) (throw 'foo s))))
  (process-send-string c "hi")
  (accept-process-output nil 1)
  (accept-process-output nil 1))`;

const withEmacs = emacsPath() === null ? test.skip : test;

afterEach(() => deleteAllProcesses());

async function elprocReports(filter: (proc: NetworkProcess, text: string) => unknown): Promise<string[]> {
  const reports: string[] = [];
  const spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    reports.push(typeof warning === 'string' ? warning : warning.message);
  });
  try {
    // prettier-ignore
    const srv = await make(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':filter', (proc: NetworkProcess, text: string) => processSendString(proc, text));
    const c = await make(
      ':name',
      'c',
      ':host',
      '127.0.0.1',
      ':service',
      processContact(srv, ':service'),
      ':filter',
      filter,
    );
    processSendString(c, 'hi');
    await waitFor(() => reports.length > 0, 'the report');
    await acceptProcessOutput(null, 0.1);
    expect(processStatus(c)).toBe(intern('open'));
    return reports;
  } finally {
    spy.mockRestore();
  }
}

withEmacs(
  'a filter that throws without a catch: the report batch Emacs prints',
  async () => {
    const emacs = await runEmacsBatch(['--eval', EMACS_STEPS]);
    expect(emacs.code).toBe(255);
    expect(emacs.stderr).toBe('error in process filter: No catch for tag: foo, "hi"\n');
    expect(await elprocReports((_p, text) => lispThrow(intern('foo'), text))).toEqual([
      emacs.stderr.trimEnd(),
    ]);
  },
  60_000,
);

test('an async filter that throws without a catch after an await is reported the same way, once', async () => {
  const reports = await elprocReports(async (_p, text) => {
    await Promise.resolve();
    lispThrow(intern('foo'), text);
  });
  expect(reports).toEqual(['error in process filter: No catch for tag: foo, "hi"']);
}, 60_000);
