// A real kubetab cluster for tests in Node: worker_threads node workers running the real
// kubelet and runtime, a clock (manual unless asked otherwise), and an in-process kubectl.

import { ApiClient } from '../../src/client/client';
import { ClusterClock } from '../../src/cluster/clock';
import { Cluster, type ClusterOptions } from '../../src/cluster/cluster';
import { createNodeHost } from '../../src/cluster/hosts/node';
import type { KubectlContext } from '../../src/kubectl/context';
import { runKubectl } from '../../src/kubectl/kubectl';
import { ResourceMapper } from '../../src/kubectl/resource-mapper';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface TestCluster {
  cluster: Cluster;
  client: ApiClient;
  clock: ClusterClock;
  kubectl(line: string | string[], stdin?: string): Promise<KubectlResult>;
  shutdown(): Promise<void>;
}

/** Splits a command line on spaces, honouring single and double quotes. */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) args.push(match[1] ?? match[2] ?? match[3]);
  return args;
}

/**
 * The context kubetab's kubectl runs with in tests: the cluster's client, namespace default, no
 * files, the cluster clock, UTC, never cancelled; `overrides` give output, a signal or a terminal.
 */
export function kubectlContext(t: Pick<TestCluster, 'client' | 'clock'>, overrides: Partial<KubectlContext> = {}): KubectlContext {
  return {
    client: t.client,
    mapper: new ResourceMapper(t.client),
    namespace: 'default',
    stdout: () => undefined,
    stderr: () => undefined,
    readFile: async (path) => {
      throw new Error(`the path "${path}" does not exist`);
    },
    listDirectory: async () => undefined,
    now: () => t.clock.now(),
    signal: { cancelled: false, onCancel: () => undefined },
    timezoneOffset: () => 0,
    ...overrides,
  };
}

export async function startTestCluster(options: Partial<ClusterOptions> & { realClock?: boolean } = {}): Promise<TestCluster> {
  const clock = options.clock ?? (options.realClock ? new ClusterClock() : ClusterClock.manual(Date.now()));
  const host = options.host ?? (await createNodeHost());
  const cluster = await Cluster.start({ workers: 3, ...options, host, clock });
  const client = new ApiClient(cluster.apiServer, 'kubectl');
  const mapper = new ResourceMapper(client);
  return {
    cluster,
    client,
    clock,
    async kubectl(line, stdin = '') {
      let stdout = '';
      let stderr = '';
      const code = await runKubectl(
        Array.isArray(line) ? line : splitArgs(line),
        kubectlContext(
          { client, clock },
          {
            mapper,
            stdout: (text) => (stdout += text),
            stderr: (text) => (stderr += text),
            readFile: async (path) => {
              if (path === '-') return stdin;
              throw new Error(`the path "${path}" does not exist`);
            },
          },
        ),
      );
      return { stdout, stderr, code };
    },
    shutdown: () => cluster.shutdown(),
  };
}

/**
 * Waits until `check` passes, advancing a manual clock by `stepMs` between tries (a real
 * clock just gets real time). Fails with the last error after `maxSteps`. With a manual clock
 * each try also waits a little longer in real time than the one before (5 ms, then 6 ms, …),
 * so work that takes real time, such as a container worker booting on a busy machine, gets
 * seconds before the last try, not the one second 200 quick steps would leave it.
 */
export async function eventually<T>(clock: ClusterClock, check: () => Promise<T>, options: { stepMs?: number; maxSteps?: number } = {}): Promise<T> {
  const stepMs = options.stepMs ?? 500;
  const maxSteps = options.maxSteps ?? 200;
  let lastError: unknown;
  for (let step = 0; step < maxSteps; step++) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (clock.isManual) await clock.advance(stepMs);
    await new Promise((resolve) => setTimeout(resolve, clock.isManual ? 5 + step : stepMs));
  }
  throw lastError;
}
