// The container's processes through the kubetab_proc extension: this process's PID, the
// processes of its container (what ps lists), and a signal for one of them (kill).

import { Errno } from "./wasi";

@external("kubetab_proc", "pid")
declare function kubetab_pid(): i32;
@external("kubetab_proc", "processes")
declare function kubetab_processes(buf: usize, bufLen: usize, lenOut: usize): Errno;
@external("kubetab_proc", "kill")
declare function kubetab_kill(pid: i32, signal: i32): Errno;

const LIST_BYTES: i32 = 65536;

export class ProcessInfo {
  constructor(
    public pid: i32,
    public command: string,
  ) {}
}

/** This process's PID in its container (1 for the container's first process). */
export function ownPid(): i32 {
  return kubetab_pid();
}

/** The container's processes, by PID. */
export function listProcesses(): ProcessInfo[] {
  const buf = new ArrayBuffer(LIST_BYTES);
  const len = memory.data(4);
  const out = new Array<ProcessInfo>();
  if (kubetab_processes(changetype<usize>(buf), LIST_BYTES, len) != 0) return out;
  const lines = String.UTF8.decodeUnsafe(changetype<usize>(buf), load<u32>(len)).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const space = lines[i].indexOf(" ");
    if (space > 0) out.push(new ProcessInfo(I32.parseInt(lines[i].substring(0, space)), lines[i].substring(space + 1)));
  }
  return out;
}

/** Sends `signal` (0: only checks) to process `pid` of this container: 0, or the WASI errno (SRCH: no such process). */
export function signalProcess(pid: i32, signal: i32): Errno {
  return kubetab_kill(pid, signal);
}
