// The container runtime a kubelet uses: pod sandboxes on this node, a warm pool of container
// workers, compiled-module preparation, and the node's ways into pod networking (connections
// arriving from other nodes, and connections the kubelet opens for probes).

import type { ClusterClock } from '../../src/cluster/clock';
import { ModulePreparer } from './host/module-preparer';
import { DEFAULT_WARM_POOL, WarmPool, type WarmPoolOptions } from './host/warm-pool';
import type { RuntimePlatform } from './platform';
import { KubetabPodSandbox } from './pod-sandbox';
import type { SuspensionMode } from './protocol';
import type { ContainerRuntime, NetworkFabric, NetworkStream, SandboxConfig } from './runtime-api';

export interface ContainerRuntimeOptions {
  platform: RuntimePlatform;
  clock: ClusterClock;
  fabric: NetworkFabric;
  /** How many container workers are kept loaded ahead of time, and booted at once (DEFAULT_WARM_POOL). */
  warmPool?: Partial<WarmPoolOptions>;
  /** False to start the warm pool only when `warm()` is called (not while the node boots). */
  warmOnStart?: boolean;
  /** Forces a suspension strategy for every process (tests of the fallbacks). */
  suspension?: SuspensionMode;
}

export interface KubetabContainerRuntime extends ContainerRuntime {
  runPodSandbox(config: SandboxConfig): Promise<KubetabPodSandbox>;
  /**
   * Delivers a connection that arrived for podIP:port (from another node, through the
   * cluster network) to the pod's listener. False when no pod here listens there.
   */
  acceptConnection(podIP: string, port: number, stream: NetworkStream): boolean;
  /**
   * Opens a connection from the node to a pod on this node (httpGet and tcpSocket probes).
   * Rejects with `ECONNREFUSED` when nothing listens, `EHOSTUNREACH` for an unknown pod IP.
   */
  connect(podIP: string, port: number, from?: { address: string; port: number }): Promise<NetworkStream>;
  /** Starts the warm pool's workers, for a runtime created with `warmOnStart: false`. */
  warm(): void;
}

export class NetworkError extends Error {
  constructor(readonly errno: 'ECONNREFUSED' | 'EHOSTUNREACH') {
    super(errno);
  }
}

export function createContainerRuntime(options: ContainerRuntimeOptions): KubetabContainerRuntime {
  const pool = new WarmPool(options.platform, options.clock, { ...DEFAULT_WARM_POOL, ...options.warmPool });
  if (options.warmOnStart ?? true) pool.warm();
  const preparer = new ModulePreparer();
  const sandboxes = new Map<string, KubetabPodSandbox>();
  const byIP = (podIP: string): KubetabPodSandbox | undefined => [...sandboxes.values()].find((s) => s.config.podIP === podIP);
  let ephemeralPort = 40000;

  return {
    async runPodSandbox(config) {
      if (sandboxes.has(config.uid)) throw new Error(`pod sandbox ${config.uid} already exists`);
      const forget = (): boolean => sandboxes.delete(config.uid);
      const sandbox = new KubetabPodSandbox(config, { clock: options.clock, fabric: options.fabric, pool, preparer, suspension: options.suspension, forget });
      sandboxes.set(config.uid, sandbox);
      return sandbox;
    },
    acceptConnection(podIP, port, stream) {
      return byIP(podIP)?.acceptConnection(port, stream) ?? false;
    },
    async connect(podIP, port, from) {
      const sandbox = byIP(podIP);
      if (!sandbox) throw new NetworkError('EHOSTUNREACH');
      ephemeralPort = ephemeralPort >= 60999 ? 40000 : ephemeralPort + 1;
      const stream = sandbox.connect(port, from ?? { address: podIP.replace(/\.\d+$/, '.1'), port: ephemeralPort });
      if (!stream) throw new NetworkError('ECONNREFUSED');
      return stream;
    },
    warm() {
      pool.warm();
    },
    async shutdown() {
      await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.destroy()));
      pool.shutdown();
    },
  };
}
