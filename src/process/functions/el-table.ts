import { defun } from '../../lisp/function-table';
import type { LispFunction } from '../../lisp/values';
import { featurep } from '../../options';
import { formatNetworkAddress, networkLookupAddressInfo } from './address-functions';
import { bufferFunctions } from '../../text/buffer';
import { networkProcessOption, processContact, setNetworkProcessOption } from './contact-functions';
import { processDatagramAddress, setProcessDatagramAddress } from './datagram-functions';
import { networkInterfaceInfo, networkInterfaceList } from './interface-functions';
import {
  acceptProcessOutput,
  continueProcess,
  deleteProcess,
  processSendEof,
  processSendRegion,
  processSendString,
  stopProcess,
} from './io-functions';
import { makeNetworkProcess } from './make-network-process';
import * as accessors from './process-functions';
import * as subprocesses from './make-process';
import * as signals from './signal-functions';
import * as terminal from './terminal-functions';
import * as synchronous from './call-process';
import { getProcess } from '../core/registry';
import { variableFunctions } from '../../text/variables';
import { printFunctions } from '../../text/printing';
import { searchFunctions } from '../../text/search';
import { regexFunctions } from '../../text/regex';
import { listFunctions } from '../../lisp/lists';
import { stringFunctions } from '../../text/strings';
import {
  UNIBYTE_RESULT_KINDS,
  acceptingUnibyteTable,
  stringEqualsOfKinds,
} from '../../text/strings/lisp-string-args';
import { hashTableFunctions } from '../../lisp/hash-table';
import { jsonFunctions } from '../../text/json';
import { formatFunctions } from '../../text/format';
import { timeFunctions } from '../../text/time';
import { codingFunctions } from '../../text/coding';
import { setProcessCodingSystem } from './coding-functions';
import { tlsFunctions } from '../tls';
import { networkStreamFunctions } from '../network-stream';
import { timerFunctions } from '../../timers';
import { controlFunctions } from '../../lisp/control-functions';

/**
 * Every function under its Emacs name, so a port can be written line by line:
 * `el['process-contact'](proc, t)`. The same names work with `funcall`.
 */
export const el = {
  'make-network-process': makeNetworkProcess,
  'set-network-process-option': setNetworkProcessOption,
  'network-process-option': networkProcessOption,
  'process-contact': processContact,
  'delete-process': deleteProcess,
  'process-status': accessors.processStatus,
  'process-live-p': accessors.processLiveP,
  'process-exit-status': accessors.processExitStatus,
  'process-name': accessors.processName,
  'process-type': accessors.processType,
  'process-command': accessors.processCommand,
  'process-id': accessors.processId,
  'process-buffer': accessors.processBuffer,
  'set-process-buffer': accessors.setProcessBuffer,
  'process-mark': accessors.processMark,
  'process-filter': accessors.processFilter,
  'set-process-filter': accessors.setProcessFilter,
  'internal-default-process-filter': accessors.internalDefaultProcessFilter,
  'process-sentinel': accessors.processSentinel,
  'set-process-sentinel': accessors.setProcessSentinel,
  'process-send-string': processSendString,
  'process-send-region': processSendRegion,
  'process-send-eof': processSendEof,
  'accept-process-output': acceptProcessOutput,
  'process-get': accessors.processGet,
  'process-put': accessors.processPut,
  'process-plist': accessors.processPlist,
  'set-process-plist': accessors.setProcessPlist,
  'process-list': accessors.processList,
  'get-process': getProcess,
  'process-query-on-exit-flag': accessors.processQueryOnExitFlag,
  'set-process-query-on-exit-flag': accessors.setProcessQueryOnExitFlag,
  'process-coding-system': accessors.processCodingSystem,
  'set-process-coding-system': setProcessCodingSystem,
  'stop-process': stopProcess,
  'continue-process': continueProcess,
  'process-datagram-address': processDatagramAddress,
  'set-process-datagram-address': setProcessDatagramAddress,
  featurep,
  'format-network-address': formatNetworkAddress,
  'network-lookup-address-info': networkLookupAddressInfo,
  'network-interface-list': networkInterfaceList,
  'network-interface-info': networkInterfaceInfo,
  'make-process': subprocesses.makeProcess,
  'make-pipe-process': subprocesses.makePipeProcess,
  'call-process': synchronous.callProcess,
  'call-process-region': synchronous.callProcessRegion,
  'process-file': synchronous.processFile,
  'process-lines': synchronous.processLines,
  'shell-command-to-string': synchronous.shellCommandToString,
  'start-process': subprocesses.startProcess,
  'start-process-shell-command': subprocesses.startProcessShellCommand,
  'start-file-process': subprocesses.startFileProcess,
  'executable-find': subprocesses.executableFind,
  'process-tty-name': accessors.processTtyName,
  'signal-process': signals.signalProcess,
  'interrupt-process': signals.interruptProcess,
  'kill-process': signals.killProcess,
  'quit-process': signals.quitProcess,
  'process-running-child-p': terminal.processRunningChildP,
  'set-process-window-size': terminal.setProcessWindowSize,
  ...variableFunctions,
  ...bufferFunctions,
  ...printFunctions,
  ...searchFunctions,
  ...hashTableFunctions,
  ...jsonFunctions,
  ...timeFunctions,
  ...codingFunctions,
  ...tlsFunctions,
  ...networkStreamFunctions,
  ...timerFunctions,
  ...controlFunctions,
  // Written on JavaScript text; unibyte strings pass through them as Emacs's do.
  ...acceptingUnibyteTable(
    { ...regexFunctions, ...listFunctions, ...stringFunctions, ...formatFunctions },
    UNIBYTE_RESULT_KINDS,
  ),
  'string=': stringEqualsOfKinds(stringFunctions['string='] as LispFunction),
  'string-equal': stringEqualsOfKinds(stringFunctions['string-equal'] as LispFunction),
} as const satisfies Readonly<Record<string, LispFunction>>;

/** `el` for lookups by a computed name (an evaluator, the tests): the entry, or undefined. */
export const elByName: Readonly<Record<string, LispFunction | undefined>> = el;

for (const [name, fn] of Object.entries(el)) defun(name, fn);
