// The processes of one container, its PID namespace: what `ps` lists inside it (each process
// keeps a copy, sent whenever a process starts or ends) and where `kill` from inside it sends a
// signal. A container's processes see only each other, not the other containers of the pod.

import type { ProcessEntry } from '../protocol';

/** A process as the table needs it. */
export interface TableMember {
  readonly pid: number;
  readonly command: string;
  /** A signal from a process of the same container. */
  signalFromInside(signo: number): void;
  /** The table changed: the process's copy for ps. */
  processesChanged(entries: ProcessEntry[]): void;
}

export class ProcessTable {
  private readonly members = new Map<number, TableMember>();

  entries(): ProcessEntry[] {
    return [...this.members.values()].sort((a, b) => a.pid - b.pid).map((m) => ({ pid: m.pid, command: m.command }));
  }

  add(member: TableMember): void {
    this.members.set(member.pid, member);
    this.changed();
  }

  remove(member: TableMember): void {
    if (this.members.get(member.pid) !== member) return;
    this.members.delete(member.pid);
    this.changed();
  }

  /** Delivers `signo` to process `pid` (the sender checked it exists in its copy). */
  signal(pid: number, signo: number): void {
    this.members.get(pid)?.signalFromInside(signo);
  }

  private changed(): void {
    const entries = this.entries();
    for (const member of this.members.values()) member.processesChanged(entries);
  }
}
