import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** Where the figures were measured: the README's "measured on" line and bench/results/machine.json. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  emacs: string | null;
  cc: string | null;
  date: string;
}

function firstLine(command: string, args: string[]): string | null {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n')[0]?.trim() || null;
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    emacs: firstLine('emacs', ['--version']),
    cc: firstLine('cc', ['--version']),
    date: new Date().toISOString(),
  };
}

export function machineLine(machine: Machine): string {
  return (
    `measured on: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
    `${machine.kernel}, ${machine.emacs ?? 'no emacs'}, ${machine.date}`
  );
}
