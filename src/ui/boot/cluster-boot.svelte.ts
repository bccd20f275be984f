// Boots the cluster for the page and tells the UI where that stands: the API server first (on
// the main thread, restored from IndexedDB), so the picture can watch it at once, then the
// control plane and the nodes, each node reported as it registers or fails. Also the
// "Reset cluster" action.

import { Cluster } from '../../cluster/cluster';
import { webNodeHost } from '../../cluster/hosts/web';
import type { IndexedDbPersistence } from '../platform/indexeddb-persistence';
import { WORKER_NODES } from './boot-settings';
import type { StorageClaim } from './storage-claim';

/** How long (real time) a node may take to register before the page says so. */
const NODE_START_WARNING_MS = 20_000;
/** How long (real time) the control plane may take to boot before the page says so. */
const BOOT_WARNING_MS = 10_000;
const BOOT_WARNING = `The control plane has not started after ${BOOT_WARNING_MS / 1000} s.`;
/** How long a reset waits for the cluster to shut down before clearing its data anyway. */
const RESET_SHUTDOWN_WAIT_MS = 3_000;

export type BootPhase = 'booting' | 'running' | 'failed';

export class ClusterBoot {
  phase = $state<BootPhase>('booting');
  /** The cluster, as soon as its API server answers (it may still be booting). */
  cluster = $state.raw<Cluster>();
  /** Why the cluster could not start. */
  failure = $state<string>();
  /** Problems that leave the cluster running (a node that did not start). */
  problems = $state<string[]>([]);
  resetting = $state(false);
  /** Every node started at boot has registered or failed (or one is reported slow). */
  nodesStarted = $state(false);

  constructor(private readonly persistence: IndexedDbPersistence) {}

  async start(claim: StorageClaim): Promise<void> {
    try {
      // The cluster waits for both the lock and the database before it touches the stored state.
      if (!(await claim.held)) {
        throw new Error('kubetab is already open in another tab of this browser. A cluster lives in one tab: close the other one, then reload this page.');
      }
      const { problem } = await claim.opened;
      if (problem) this.report(`This cluster is not saved, so a reload starts a fresh one: the browser's storage is not available (${problem}).`);
      const cluster = await this.boot(problem ? undefined : this.persistence);
      this.phase = 'running';
      cluster.controlLoopsStarted.catch((error: unknown) => this.report(`The scheduler and controllers did not start: ${message(error)}`));
      const nodes = Promise.all(cluster.nodesStarted.map(({ name, started }) => this.watchNode(name, started)));
      await Promise.race([nodes, delay(NODE_START_WARNING_MS)]);
      this.nodesStarted = true;
      await nodes;
    } catch (error) {
      if (this.phase === 'running') this.report(`The cluster stopped working: ${message(error)}`);
      else this.fail(error);
    }
  }

  /** Adds a problem to the list the page shows. */
  report(problem: string): void {
    this.problems = [...this.problems, problem];
  }

  dismiss(problem: string): void {
    this.problems = this.problems.filter((p) => p !== problem);
  }

  /** Deletes everything the cluster stored and boots a fresh one. */
  async reset(): Promise<void> {
    this.resetting = true;
    this.persistence.seal();
    const cluster = this.cluster;
    if (cluster) await Promise.race([cluster.shutdown().catch(() => undefined), delay(RESET_SHUTDOWN_WAIT_MS)]);
    try {
      await this.persistence.clear();
    } catch (error) {
      this.resetting = false;
      this.report(`Could not clear the stored cluster: ${message(error)}`);
      return;
    }
    location.reload();
  }

  /** Restores the cluster, shows it as soon as its API server answers, and boots it. */
  private async boot(persistence: IndexedDbPersistence | undefined): Promise<Cluster> {
    const slow = setTimeout(() => this.report(BOOT_WARNING), BOOT_WARNING_MS);
    try {
      const cluster = await Cluster.create({ host: webNodeHost, persistence, workers: WORKER_NODES, waitForWorkers: false });
      this.cluster = cluster;
      await cluster.boot();
      return cluster;
    } finally {
      clearTimeout(slow);
      this.dismiss(BOOT_WARNING);
    }
  }

  /** Reports a node that is slow to register or fails to start. */
  private async watchNode(name: string, started: Promise<void>): Promise<void> {
    const warning = `Node ${name} has not registered after ${NODE_START_WARNING_MS / 1000} s.`;
    const slow = setTimeout(() => this.report(warning), NODE_START_WARNING_MS);
    try {
      await started;
    } catch (error) {
      this.report(`Node ${name} did not start: ${message(error)}`);
    } finally {
      clearTimeout(slow);
      this.dismiss(warning);
    }
  }

  private fail(error: unknown): void {
    this.failure = message(error);
    this.phase = 'failed';
    console.error(error);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
