// A running container: its first process (PID 1) and the processes exec'd into it, which share
// its root filesystem, mounts and environment. When PID 1 ends, the exec'd processes are killed
// and the root filesystem is freed, as when a container's PID namespace goes away.

import { ContainerStartError, type ContainerHandle, type ExecConfig, type ExitStatus, type OutputSink, type ProcessHandle, type Signal } from '../runtime-api';
import { findExecutable } from './executable';
import type { ModulePreparer } from './module-preparer';
import type { ProcessLaunch, ProcessSupervisor } from './process-supervisor';
import type { ImageContent } from '../runtime-api';
import type { SuspensionMode } from '../protocol';

export interface ContainerParts {
  id: string;
  image: ImageContent;
  /** Environment of the container (image env overridden by the pod's), as a map. */
  env: Record<string, string>;
  launch: Omit<ProcessLaunch, 'module' | 'memoryImport' | 'argv' | 'env' | 'pid' | 'listenerIdBase' | 'stdin' | 'tty'>;
  preparer: ModulePreparer;
  /** Starts a process in the sandbox. */
  spawn(launch: Omit<ProcessLaunch, 'listenerIdBase'>, output: OutputSink): Promise<ProcessSupervisor>;
  /** Called once the container and all its processes have ended. */
  release(): void;
}

export class Container implements ContainerHandle {
  private readonly execs = new Set<ProcessSupervisor>();
  private nextPid = 2;

  constructor(
    private readonly main: ProcessSupervisor,
    private readonly parts: ContainerParts,
  ) {
    void main.exited.then(() => {
      for (const process of this.execs) process.kill(9);
      parts.release();
    });
  }

  get id(): string {
    return this.parts.id;
  }

  get startedAt(): number {
    return this.main.startedAt;
  }

  /** How the program waits in blocking calls (asyncify, jspi or sync): see README.md. */
  get suspension(): SuspensionMode {
    return this.main.mode;
  }

  get exited(): Promise<ExitStatus> {
    return this.main.exited;
  }

  signal(signal: Signal): void {
    this.main.signal(signal);
  }

  writeStdin(data: string): void {
    this.main.writeStdin(data);
  }

  closeStdin(): void {
    this.main.closeStdin();
  }

  resize(): void {
    this.main.resize();
  }

  async exec(config: ExecConfig, output: OutputSink): Promise<ProcessHandle> {
    const { image, launch, preparer } = this.parts;
    const env = { ...this.parts.env, ...config.env };
    const found = findExecutable(image, config.argv[0], env.PATH, launch.workingDir);
    if ('error' in found) throw new ContainerStartError('RunContainerError', `OCI runtime exec failed: exec failed: unable to start container process: ${found.error}: unknown`);
    const prepared = await preparer.prepare(image, found.moduleName, launch.memoryLimitBytes);
    const process = await this.parts.spawn(
      {
        ...launch,
        module: prepared.module,
        memoryImport: prepared.memoryImport,
        argv: config.argv,
        env: envList({ ...env, ...(config.tty ? { TERM: env.TERM ?? 'xterm' } : {}) }),
        pid: this.nextPid++,
        stdin: config.stdin,
        tty: config.tty,
      },
      output,
    );
    this.execs.add(process);
    void process.exited.then(() => this.execs.delete(process));
    return process;
  }
}

export function envList(env: Record<string, string>): string[] {
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}
