// The state of one running process inside its container worker: clock mirror, descriptors,
// filesystem view, stdin, connections, signals and memory, plus `block`, the single way a host
// function waits for something (data, a connection, a deadline) in whichever suspension mode
// the program runs.

import { ClusterClock, type Timer } from '../../../src/cluster/clock';
import type { ProcessEntry, ProcessEvent, ProcessHost, ProcessSpec, SuspensionMode } from '../protocol';
import { Errno } from '../wasi/errno';
import { FdTable, InboundBytes, type Descriptor, type ListenerDescriptor } from './descriptors';
import { GuestMemory } from './guest-memory';
import { blockWorker } from './sync-wait';
import { Vfs } from './vfs';

/** Returned by a `block` attempt that cannot complete yet. */
export const WOULD_BLOCK = -1;

/** Thrown to end the program (proc_exit, a fatal signal, running out of memory). */
export class ProcessExit extends Error {
  constructor(
    readonly exitCode: number,
    readonly oom = false,
  ) {
    super(`exit ${exitCode}`);
  }
}

export class ProcessContext {
  readonly clock: ClusterClock;
  readonly fds = new FdTable();
  readonly vfs: Vfs;
  readonly memory = new GuestMemory();
  readonly stdin = new InboundBytes();
  readonly connections = new Map<number, InboundBytes>();
  readonly listeners = new Map<number, ListenerDescriptor>();
  /** fdflags (NONBLOCK) set with fd_fdstat_set_flags or sock_accept. */
  readonly fdFlags = new WeakMap<Descriptor, number>();
  /** Ports listened on anywhere in the pod (a listen on one of these is EADDRINUSE). */
  readonly podPorts: Set<number>;
  /** The processes of this container (for ps and kill), kept current by the supervisor. */
  processes: ProcessEntry[];
  readonly startedAt: number;
  mode: SuspensionMode = 'sync';
  handledSignals = 0;
  pendingSignals = 0;
  private waiters = new Set<() => void>();

  constructor(
    readonly spec: ProcessSpec,
    readonly host: ProcessHost,
  ) {
    this.clock = new ClusterClock(spec.clock);
    this.startedAt = this.clock.now();
    this.podPorts = new Set(spec.podPorts);
    this.processes = spec.processes;
    this.vfs = new Vfs(spec.mounts, spec.filesystems, () => this.clock.now(), (changes) => host.fsChanged(changes));
    if (!spec.stdinOpen) this.stdin.ended = true;
    this.fds.set(0, { kind: 'stdin', tty: spec.tty });
    this.fds.set(1, { kind: 'output', stream: 'stdout', tty: spec.tty });
    this.fds.set(2, { kind: 'output', stream: 'stderr', tty: spec.tty });
    this.fds.set(3, { kind: 'dir', path: '/', preopen: '/' });
  }

  deliver(events: ProcessEvent[]): void {
    for (const event of events) this.apply(event);
    this.wake();
  }

  /** A handled signal is pending: blocked calls return EINTR. */
  get interrupted(): boolean {
    return (this.pendingSignals & this.handledSignals) !== 0;
  }

  /** Ends the program at once when it holds more memory than its limit. */
  checkMemory(): void {
    const limit = this.spec.memoryLimitBytes;
    if (limit !== undefined && this.memory.byteLength > limit) throw new ProcessExit(137, true);
  }

  /**
   * Runs `attempt` until it stops returning WOULD_BLOCK. When it would block, the program is
   * suspended (asyncify, jspi) until an event or the cluster-clock `deadline` lets it retry, or
   * returns EINTR when a handled signal is pending. In sync mode nothing can arrive while the
   * worker is blocked, so only a deadline is waited for (in real time), and a read with
   * nothing to read returns EAGAIN.
   */
  block(attempt: () => number, deadline?: number): number | Promise<number> {
    const first = attempt();
    if (first !== WOULD_BLOCK) return first;
    if (this.interrupted) return Errno.INTR;
    if (this.mode === 'sync') return this.blockSync(attempt, deadline);
    return new Promise<number>((resolve, reject) => {
      let timer: Timer | undefined;
      const retry = (): void => {
        try {
          const result = attempt();
          if (result === WOULD_BLOCK && !this.interrupted) {
            this.waiters.add(retry);
            return;
          }
          timer?.cancel();
          resolve(result === WOULD_BLOCK ? Errno.INTR : result);
        } catch (error) {
          reject(error);
        }
      };
      if (deadline !== undefined) timer = this.clock.after(deadline - this.clock.now(), () => this.wake());
      this.waiters.add(retry);
    });
  }

  /** Lets the event loop run once (sched_yield in the suspending modes). */
  yieldOnce(): number | Promise<number> {
    if (this.mode === 'sync') return Errno.SUCCESS;
    return new Promise((resolve) => setTimeout(() => resolve(Errno.SUCCESS), 0));
  }

  private blockSync(attempt: () => number, deadline: number | undefined): number {
    if (deadline === undefined) return Errno.AGAIN;
    const { speed, manual } = this.clock.snapshot();
    const remaining = deadline - this.clock.now();
    blockWorker(manual || speed === 0 ? Infinity : remaining / speed);
    const result = attempt();
    return result === WOULD_BLOCK ? Errno.AGAIN : result;
  }

  /** The bytes arriving on a connection (data may come before the socket has a descriptor). */
  connectionInbound(connId: number): InboundBytes {
    let inbound = this.connections.get(connId);
    if (!inbound) {
      inbound = new InboundBytes();
      this.connections.set(connId, inbound);
    }
    return inbound;
  }

  /** Lets blocked calls retry (an event arrived or a host call finished). */
  wake(): void {
    const waiting = this.waiters;
    this.waiters = new Set();
    for (const retry of waiting) retry();
  }

  private apply(event: ProcessEvent): void {
    switch (event.type) {
      case 'clock':
        this.clock.setState(event.state);
        break;
      case 'stdin':
        this.stdin.push(event.data);
        break;
      case 'stdin-close':
        this.stdin.ended = true;
        break;
      case 'signal':
        this.pendingSignals |= 1 << event.signo;
        break;
      case 'fs':
        this.vfs.applyRemote(event.changes);
        break;
      case 'net-accept': {
        this.connectionInbound(event.connId);
        this.listeners.get(event.listenerId)?.backlog.push({ connId: event.connId, remote: event.remote });
        break;
      }
      case 'ports':
        this.podPorts.clear();
        for (const port of event.ports) this.podPorts.add(port);
        break;
      case 'processes':
        this.processes = event.processes;
        break;
      case 'net-data': {
        const inbound = this.connectionInbound(event.connId);
        if (event.data === null) inbound.ended = true;
        else inbound.push(event.data);
        break;
      }
    }
  }
}
