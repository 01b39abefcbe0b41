import { wrongTypeArgument } from '../../lisp/errors';
import type { NetworkProcess } from './record';

/** Live processes in creation order (Emacs's process alist); names are unique among them. */
const processes = new Map<string, NetworkProcess>();

/** Emacs's name uniquification: NAME, then NAME<1>, NAME<2>… (the first unused N ≥ 1). */
export function uniqueProcessName(name: string): string {
  if (!processes.has(name)) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name}<${n}>`;
    if (!processes.has(candidate)) return candidate;
  }
}

let registrations = 0;

export function registerProcess(process: NetworkProcess): void {
  process.listOrder = ++registrations;
  processes.set(process.name, process);
}

export function unregisterProcess(process: NetworkProcess): void {
  if (processes.get(process.name) === process) processes.delete(process.name);
}

/** Calls `fn` on every live process, oldest first, without copying the list. */
export function forEachProcess(fn: (process: NetworkProcess) => void): void {
  for (const process of processes.values()) fn(process);
}

/** Emacs: process-list (newest first). */
export function processList(): NetworkProcess[] {
  return [...processes.values()].reverse();
}

/** Emacs: get-process */
export function getProcess(name: unknown): NetworkProcess | null {
  if (isProcess(name)) return name;
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name as never);
  return processes.get(name) ?? null;
}

/** The live process with this exact name, if any. */
export function findProcess(name: string): NetworkProcess | null {
  return processes.get(name) ?? null;
}

/** Emacs: processp */
export function isProcess(value: unknown): value is NetworkProcess {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { isElprocProcess?: boolean }).isElprocProcess === true
  );
}
