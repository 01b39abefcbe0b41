import { readdirSync, readFileSync } from 'node:fs';

/** This process's children, from /proc: each one's pid and state letter (`Z` for a zombie). */
export function childProcesses(): { pid: number; state: string }[] {
  const children: { pid: number; state: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // It exited while we looked.
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === process.pid) children.push({ pid: Number(entry), state: fields[0] ?? '?' });
  }
  return children;
}
