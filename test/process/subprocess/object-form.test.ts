/** makeProcess's object form: keyword names in camelCase, symbol-valued keys as strings. */
import { intern, makeProcess, processCommand, processTtyName, processType } from '../../../src';
import { deleteAllProcesses } from '../../support/behaviour-helpers';

afterEach(() => deleteAllProcesses());

test('makeProcess({ name, command, connectionType: "pipe" }) is make-process with :connection-type pipe', () => {
  const proc = makeProcess({ name: 'o', command: ['sleep', '10'], connectionType: 'pipe', noquery: true });
  expect([processType(proc), processCommand(proc), processTtyName(proc)]).toEqual([
    intern('real'),
    ['sleep', '10'],
    null,
  ]);
  const onPty = makeProcess({ name: 'o', command: ['sleep', '10'], connectionType: 'pty' });
  expect(processTtyName(onPty)).toMatch(/^\/dev\/pts\/\d+$/);
});
