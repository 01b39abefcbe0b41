import { onKillBuffer } from './buffer';
import { bufferProcess } from './designators';
import { deleteProcess } from './io-functions';

// Emacs: killing a process's buffer deletes the process (its sentinel sees "deleted\n").
onKillBuffer((buffer) => {
  const proc = bufferProcess(buffer);
  if (proc !== null) deleteProcess(proc);
});

export * from './buffer';
export { processCodingSystem } from './process-functions';
export * from './process-functions';
export * from './contact-functions';
export * from './io-functions';
export { makeNetworkProcess } from './make-network-process';
export { processDatagramAddress, setProcessDatagramAddress } from './datagram-process';
export { NetworkProcess } from './network-process';
export { getProcess, isProcess } from './registry';
export { el } from './el-table';
export { formatNetworkAddress, networkLookupAddressInfo } from './address-functions';
export { networkInterfaceInfo, networkInterfaceList } from './interface-functions';
