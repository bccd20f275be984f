// A pod sandbox: the pod's volumes (authoritative copies, replicated to its processes), its
// network namespace, and its containers. Containers start here from a resolved image; every
// process runs in its own container worker.

import type { ClusterClock } from '../../src/cluster/clock';
import { MemFs } from './fs/mem-fs';
import { normalizeAbsolute } from './fs/paths';
import { Container, envList, type ContainerParts } from './host/container';
import { DEFAULT_PATH, findExecutable } from './host/executable';
import { FilesystemHub } from './host/filesystem-hub';
import type { ModulePreparer } from './host/module-preparer';
import { PodNetwork } from './host/pod-network';
import { ProcessTable } from './host/process-table';
import { ProcessSupervisor, type ProcessLaunch } from './host/process-supervisor';
import type { Endpoint } from './host/stream-pair';
import type { WarmPool } from './host/warm-pool';
import type { MountSpec, SuspensionMode } from './protocol';
import {
  ContainerStartError,
  type ContainerConfig,
  type FileTree,
  type NetworkFabric,
  type NetworkStream,
  type OutputSink,
  type PodSandbox,
  type SandboxConfig,
} from './runtime-api';

export interface SandboxDependencies {
  clock: ClusterClock;
  fabric: NetworkFabric;
  pool: WarmPool;
  preparer: ModulePreparer;
  /** Forces a suspension strategy for every process (tests of the fallbacks). */
  suspension?: SuspensionMode;
  /** Called when the sandbox is destroyed (the runtime stops routing to it). */
  forget(): void;
}

const volumeFsId = (name: string): string => `volume:${name}`;

export class KubetabPodSandbox implements PodSandbox {
  readonly network: PodNetwork;
  private readonly filesystems = new FilesystemHub();
  private readonly volumes = new Map<string, { readOnly: boolean }>();
  private readonly processes = new Set<ProcessSupervisor>();
  private nextListenerBase = 1;
  private destroyed = false;

  constructor(
    readonly config: SandboxConfig,
    private readonly deps: SandboxDependencies,
  ) {
    this.network = new PodNetwork(config.podIP, config.namespace, deps.fabric);
    this.network.onPortsChanged = (ports) => {
      for (const process of this.processes) process.portsChanged(ports);
    };
    const now = (): number => deps.clock.now();
    for (const volume of config.volumes) {
      this.volumes.set(volume.name, { readOnly: volume.readOnly });
      this.filesystems.add(volumeFsId(volume.name), MemFs.fromTree(volume.files, now));
    }
  }

  get uid(): string {
    return this.config.uid;
  }

  updateVolume(name: string, files: FileTree): void {
    if (!this.volumes.has(name)) throw new Error(`pod ${this.config.namespace}/${this.config.name} has no volume ${name}`);
    this.filesystems.replace(volumeFsId(name), files);
  }

  async startContainer(config: ContainerConfig, output: OutputSink): Promise<Container> {
    if (this.destroyed) throw new ContainerStartError('CreateContainerError', 'failed to create containerd task: the pod sandbox is gone');
    const { image } = config;
    const env: Record<string, string> = { PATH: DEFAULT_PATH, ...image.env, HOSTNAME: this.config.hostname, ...config.env };
    if (!env.HOME) env.HOME = '/root';
    if (config.tty && !env.TERM) env.TERM = 'xterm';
    const workingDir = normalizeAbsolute(config.workingDir || image.workingDir || '/');
    const found = findExecutable(image, config.argv[0], env.PATH, workingDir);
    if ('error' in found) {
      throw new ContainerStartError('RunContainerError', `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${found.error}: unknown`);
    }
    const prepared = await this.deps.preparer.prepare(image, found.moduleName, config.memoryLimitBytes);
    const rootFsId = `root:${config.id}`;
    const mounts = this.mountsFor(config, rootFsId, workingDir);
    const parts: ContainerParts = {
      id: config.id,
      image,
      env,
      launch: { workingDir, mounts, memoryLimitBytes: config.memoryLimitBytes, suspension: this.deps.suspension, table: new ProcessTable() },
      preparer: this.deps.preparer,
      spawn: (launch, sink) => this.spawn(launch, sink),
      release: () => this.filesystems.remove(rootFsId),
    };
    const main = await this.spawn(
      { ...parts.launch, module: prepared.module, memoryImport: prepared.memoryImport, argv: config.argv, env: envList(env), pid: 1, stdin: config.stdin, tty: config.tty },
      output,
      prepared.exceedsLimit,
    );
    return new Container(main, parts);
  }

  /** Delivers a connection from outside the pod to a listener; false when nobody listens. */
  acceptConnection(port: number, stream: NetworkStream): boolean {
    return this.network.deliver(port, stream);
  }

  /** Opens a connection to a port in the pod from the node (probes); undefined when refused. */
  connect(port: number, from: Endpoint): NetworkStream | undefined {
    return this.network.connectInside(port, from, this.config.podIP);
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    this.deps.forget();
    const ending = [...this.processes].map((process) => {
      process.kill(9);
      return process.exited;
    });
    await Promise.all(ending);
    this.network.closeAll();
  }

  private mountsFor(config: ContainerConfig, rootFsId: string, workingDir: string): MountSpec[] {
    const now = (): number => this.deps.clock.now();
    const root = MemFs.fromTree(config.image.files, now);
    for (const directory of config.image.directories ?? []) root.mkdirs(normalizeAbsolute(directory).slice(1));
    root.mkdirs(workingDir.slice(1));
    const mounts: MountSpec[] = [{ path: '/', fsId: rootFsId, base: '', readOnly: false }];
    for (const mount of config.mounts) {
      const volume = this.volumes.get(mount.volume);
      if (!volume) throw new ContainerStartError('CreateContainerError', `failed to create containerd task: volume "${mount.volume}" is not defined in the pod`);
      const fsId = volumeFsId(mount.volume);
      const base = (mount.subPath ?? '').split('/').filter((p) => p && p !== '.' && p !== '..').join('/');
      const volumeFs = this.filesystems.get(fsId) as MemFs;
      if (base && !volumeFs.lookup(base)) {
        if (volume.readOnly) throw new ContainerStartError('CreateContainerError', `failed to create containerd task: subPath "${mount.subPath}" does not exist in volume "${mount.volume}"`);
        this.filesystems.apply([{ fsId, op: { op: 'mkdir', path: base } }]);
      }
      const path = normalizeAbsolute(mount.path);
      const target = path.slice(1);
      if (volumeFs.lookup(base)?.kind === 'file') root.putFile(target, new Uint8Array(0));
      else root.mkdirs(target);
      mounts.push({ path, fsId, base, readOnly: mount.readOnly || volume.readOnly });
    }
    this.filesystems.add(rootFsId, root);
    return mounts;
  }

  private async spawn(launch: Omit<ProcessLaunch, 'listenerIdBase'>, output: OutputSink, exceedsLimit = false): Promise<ProcessSupervisor> {
    if (this.destroyed) throw new ContainerStartError('RunContainerError', 'failed to create containerd task: the pod sandbox is gone');
    const worker = await this.deps.pool.take().catch((error: unknown) => {
      throw new ContainerStartError('RunContainerError', `failed to create containerd task: failed to create shim task: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (this.destroyed) {
      worker.handle.terminate();
      throw new ContainerStartError('RunContainerError', 'failed to create containerd task: the pod sandbox is gone');
    }
    const services = { clock: this.deps.clock, filesystems: this.filesystems, network: this.network, podIP: this.config.podIP };
    const process = new ProcessSupervisor(services, worker, { ...launch, listenerIdBase: this.nextListenerBase++ * 65536 }, output);
    this.processes.add(process);
    void process.exited.then(() => this.processes.delete(process));
    try {
      if (exceedsLimit) process.outOfMemoryAtStart();
      else await process.start();
    } finally {
      this.deps.pool.replenish();
    }
    return process;
  }
}
