// The node-side half of one process: starts it in a worker from the warm pool, feeds it events
// (clock, stdin through the tty line discipline, signals, filesystem and network traffic),
// serves its host calls, applies signal default actions, and turns its end into an ExitStatus.

import * as Comlink from 'comlink';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { FsChange } from '../fs/fs-ops';
import type { ConnectResult, ExitReport, MountSpec, ProcessEntry, ProcessEvent, ProcessHost, ProcessSpec, SuspensionMode } from '../protocol';
import { ContainerStartError, type ExitStatus, type NetworkStream, type OutputSink, type OutputStream, type ProcessHandle, type Signal } from '../runtime-api';
import { errnoFromRejection } from '../wasi/errno';
import type { FilesystemHub } from './filesystem-hub';
import { LineDiscipline } from './line-discipline';
import type { ListenerOwner, PodNetwork } from './pod-network';
import type { ProcessTable, TableMember } from './process-table';
import type { PooledWorker } from './warm-pool';

const SIGNALS: Record<Signal, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
/** Signals whose default action is to do nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH), or to stop, which kubetab's processes cannot. */
const HARMLESS_BY_DEFAULT = new Set([17, 18, 19, 20, 21, 22, 23, 28]);
const encoder = new TextEncoder();

/** What a process uses of its sandbox. */
export interface SandboxServices {
  clock: ClusterClock;
  filesystems: FilesystemHub;
  network: PodNetwork;
  podIP: string;
}

export interface ProcessLaunch {
  module: WebAssembly.Module;
  memoryImport?: ProcessSpec['memoryImport'];
  argv: string[];
  env: string[];
  workingDir: string;
  pid: number;
  /** Listener ids of this process start here (unique in the sandbox). */
  listenerIdBase: number;
  mounts: MountSpec[];
  memoryLimitBytes?: number;
  stdin: boolean;
  tty: boolean;
  suspension?: SuspensionMode;
  /** The container's processes (its PID namespace), which this one joins. */
  table: ProcessTable;
}

export class ProcessSupervisor implements ProcessHandle, ListenerOwner, TableMember {
  startedAt = 0;
  mode: SuspensionMode = 'sync';
  readonly exited: Promise<ExitStatus>;
  private resolveExit!: (status: ExitStatus) => void;
  private finished = false;
  /** An exit reported before the start call returned (the two travel on different channels). */
  private earlyExit: ExitReport | undefined;
  private started = false;
  private handledSignals = 0;
  private queue: ProcessEvent[] = [];
  private readonly connections = new Map<number, NetworkStream>();
  private nextConnId = 1;
  private readonly cleanups: (() => void)[] = [];
  private readonly discipline: LineDiscipline | undefined;
  private readonly subscriber = (changes: FsChange[]): void => this.send({ type: 'fs', changes });
  private readonly host: ProcessHost;

  constructor(
    private readonly services: SandboxServices,
    private readonly worker: PooledWorker,
    private readonly launch: ProcessLaunch,
    private readonly output: OutputSink,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
    if (launch.tty) {
      this.discipline = new LineDiscipline({
        input: (data) => this.send({ type: 'stdin', data }),
        echo: (text) => this.output('stdout', text),
        interrupt: () => this.signal('SIGINT'),
      });
    }
    this.host = this.hostCalls();
  }

  get pid(): number {
    return this.launch.pid;
  }

  /** argv as ps shows it: joined with spaces, control characters (a script's newlines) as `?`. */
  get command(): string {
    return [...this.launch.argv.join(' ')].map((c) => (c < ' ' || c === '\x7f' ? '?' : c)).join('');
  }

  /** Starts the program; rejects with a ContainerStartError when it cannot run. */
  async start(): Promise<void> {
    const { clock, filesystems, network, podIP } = this.services;
    const fsIds = [...new Set(this.launch.mounts.map((m) => m.fsId))];
    this.launch.table.add(this);
    const spec: ProcessSpec = {
      module: this.launch.module,
      memoryImport: this.launch.memoryImport,
      argv: this.launch.argv,
      env: this.launch.env,
      workingDir: this.launch.workingDir,
      pid: this.launch.pid,
      listenerIdBase: this.launch.listenerIdBase,
      podIP,
      clock: clock.snapshot(),
      memoryLimitBytes: this.launch.memoryLimitBytes,
      stdinOpen: this.launch.stdin,
      tty: this.launch.tty,
      filesystems: Object.fromEntries(fsIds.map((id) => [id, filesystems.snapshot(id)])),
      mounts: this.launch.mounts,
      podPorts: network.ports(),
      processes: this.launch.table.entries(),
      suspension: this.launch.suspension,
    };
    this.cleanups.push(filesystems.subscribe(fsIds, this.subscriber));
    this.cleanups.push(clock.subscribe((state) => this.send({ type: 'clock', state })));
    this.worker.handle.onCrash?.((message) => this.finish({ exitCode: 139, oom: false, message: `container worker crashed: ${message}` }));
    try {
      const ended = this.exited.then((status): never => {
        throw new Error(status.message ?? 'the container worker ended');
      });
      ended.catch(() => undefined);
      const started = await Promise.race([this.worker.api.start(spec, Comlink.proxy(this.host)), ended]);
      this.startedAt = started.startedAt;
      this.mode = started.mode;
      this.started = true;
      if (this.earlyExit) this.finish(this.earlyExit);
    } catch (error) {
      this.finish({ exitCode: 128, oom: false, message: String(error) });
      const reason = error instanceof Error ? error.message : String(error);
      throw new ContainerStartError('RunContainerError', `failed to create containerd task: failed to create shim task: ${reason}`);
    }
  }

  signal(signal: Signal): void {
    if (this.finished) return;
    const signo = SIGNALS[signal];
    if (signo === SIGNALS.SIGKILL) this.kill(signo);
    else if ((this.handledSignals & (1 << signo)) !== 0) this.send({ type: 'signal', signo });
    else if (this.launch.pid !== 1) this.kill(signo);
  }

  /**
   * A signal sent with kill by a process of the same container: a handled one is delivered; an
   * unhandled one takes its default action, except that the container's first process is
   * spared any it does not handle (SIGKILL included), as Linux spares a PID namespace's init.
   */
  signalFromInside(signo: number): void {
    if (this.finished) return;
    if (signo !== SIGNALS.SIGKILL && (this.handledSignals & (1 << signo)) !== 0) this.send({ type: 'signal', signo });
    else if (this.launch.pid !== 1 && !HARMLESS_BY_DEFAULT.has(signo)) this.kill(signo);
  }

  /** The container's processes changed (ps reads the process's copy). */
  processesChanged(entries: ProcessEntry[]): void {
    this.send({ type: 'processes', processes: entries });
  }

  writeStdin(data: string): void {
    if (!this.launch.stdin) return;
    if (this.discipline) this.discipline.receive(data);
    else this.send({ type: 'stdin', data: encoder.encode(data) });
  }

  closeStdin(): void {
    if (this.launch.stdin) this.send({ type: 'stdin-close' });
  }

  /** The guest ABI has no terminal-size call, so a resize has nothing to tell the program. */
  resize(): void {}

  /** A connection for one of this process's listeners (ListenerOwner). */
  accept(listenerId: number, stream: NetworkStream): void {
    if (this.finished) {
      stream.close();
      return;
    }
    const connId = this.track(stream);
    this.send({ type: 'net-accept', listenerId, connId, remote: `${stream.remoteAddress}:${stream.remotePort}` });
  }

  /** The pod's listened ports changed (so a listen can answer EADDRINUSE by itself). */
  portsChanged(ports: number[]): void {
    this.send({ type: 'ports', ports });
  }

  /** Ends a program that needs more memory at start than its limit, as the OOM killer would. */
  outOfMemoryAtStart(): void {
    this.startedAt = this.services.clock.now();
    this.finish({ exitCode: 137, oom: true, message: 'the program needs more memory at start than the container memory limit' });
  }

  /** Ends the process at once with the signal's exit code (SIGKILL, or a default action). */
  kill(signo: number): void {
    this.finish({ exitCode: 128 + signo, oom: false }, signo);
  }

  private track(stream: NetworkStream): number {
    const connId = this.nextConnId++;
    this.connections.set(connId, stream);
    stream.onData((data) => {
      if (this.connections.has(connId)) this.send({ type: 'net-data', connId, data: data.length === 0 ? null : data });
    });
    return connId;
  }

  private send(event: ProcessEvent): void {
    if (this.finished) return;
    this.queue.push(event);
    if (this.queue.length === 1) {
      queueMicrotask(() => {
        const events = this.queue;
        this.queue = [];
        if (!this.finished) void this.worker.api.deliver(events).catch(() => undefined);
      });
    }
  }

  private finish(report: ExitReport, signo?: number): void {
    if (this.finished) return;
    this.finished = true;
    this.worker.handle.terminate();
    this.launch.table.remove(this);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.services.network.closeListener(this);
    for (const stream of this.connections.values()) stream.close();
    this.connections.clear();
    this.resolveExit({
      exitCode: report.exitCode,
      reason: report.oom ? 'OOMKilled' : report.exitCode === 0 ? 'Completed' : 'Error',
      signal: signo,
      message: report.message,
      finishedAt: this.services.clock.now(),
    });
  }

  private hostCalls(): ProcessHost {
    const { filesystems, network } = this.services;
    return {
      output: (stream: OutputStream, text: string) => {
        if (this.finished) return;
        if (this.launch.tty) this.output('stdout', LineDiscipline.output(text));
        else this.output(stream, text);
      },
      fsChanged: (changes) => filesystems.apply(changes, this.subscriber),
      handleSignals: (mask) => {
        this.handledSignals = mask;
      },
      signalProcess: (pid, signo) => {
        if (!this.finished) this.launch.table.signal(pid, signo);
      },
      exited: (report) => {
        if (this.started) this.finish(report);
        else this.earlyExit = report;
      },
      listen: (listenerId, port) => {
        network.listen(this, listenerId, port);
      },
      connect: async (host, port): Promise<ConnectResult> => {
        const outcome = await network.connect(host, port);
        if ('errno' in outcome) return { errno: errnoFromRejection(outcome.errno) };
        if (this.finished) {
          outcome.stream.close();
          return { errno: errnoFromRejection('ECONNREFUSED') };
        }
        return { connId: this.track(outcome.stream), remote: `${outcome.ip}:${port}` };
      },
      resolve: (host) => network.resolve(host).catch(() => []),
      send: (connId, data) => this.connections.get(connId)?.write(data),
      shutdown: (connId) => this.connections.get(connId)?.end(),
      closeConnection: (connId) => {
        this.connections.get(connId)?.close();
        this.connections.delete(connId);
      },
      closeListener: (listenerId) => network.closeListener(this, listenerId),
    };
  }
}
