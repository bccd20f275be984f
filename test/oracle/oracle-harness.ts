// The oracle's rig: a real kubetab cluster on a manual clock, its API over HTTP, a kubeconfig,
// and two ways to run a kubectl command line against the same state: the real kubectl (a child
// process, TZ=UTC, its own discovery cache) and kubetab's kubectl in process, both reading
// files relative to the fixtures folder.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBridge, type Bridge } from '../../src/cli/http-bridge';
import { kubeconfig } from '../../src/cli/kubeconfig';
import { runKubectl } from '../../src/kubectl/kubectl';
import { ResourceMapper } from '../../src/kubectl/resource-mapper';
import { startTestCluster, type KubectlResult, type TestCluster } from '../support/node-cluster';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

export interface Oracle {
  t: TestCluster;
  bridge: Bridge;
  /** The real kubectl with this cluster's kubeconfig. */
  real(args: string[], stdin?: string): Promise<KubectlResult>;
  /** kubetab's kubectl in process. */
  ours(args: string[], stdin?: string): Promise<KubectlResult>;
  /** Runs `work` while the manual clock moves on, for commands that wait for the cluster. */
  pumping<T>(work: Promise<T>): Promise<T>;
  /** Lets the cluster move on by `ms` of cluster time, then waits until no more writes happen. */
  settle(ms?: number): Promise<void>;
  close(): Promise<void>;
}

/** Whether the real kubectl can be run here, and its version line. */
export function realKubectlVersion(): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('kubectl', ['version', '--client'], { timeout: 20_000 }, (error, stdout) => done(error ? undefined : stdout.split('\n')[0]));
  });
}

async function listFiles(path: string): Promise<string[] | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const names = await readdir(path);
  return names.sort().map((name) => join(path, name));
}

export async function startOracle(): Promise<Oracle> {
  const t = await startTestCluster();
  const bridge = await startBridge({ api: t.cluster.apiServer });
  const home = await mkdtemp(join(tmpdir(), 'kubetab-oracle-'));
  const configPath = join(home, 'kubeconfig');
  await writeFile(configPath, kubeconfig(bridge.url));
  const mapper = new ResourceMapper(t.client);
  const env = { ...process.env, KUBECONFIG: configPath, KUBECACHEDIR: join(home, 'cache'), HOME: home, TZ: 'UTC', KUBECTL_KUBERC: 'false' };

  const real = (args: string[], stdin = ''): Promise<KubectlResult> =>
    new Promise((done) => {
      const child = execFile('kubectl', args, { cwd: FIXTURES, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ stdout, stderr, code });
      });
      child.stdin?.end(stdin);
    });

  const ours = async (args: string[], stdin = ''): Promise<KubectlResult> => {
    let stdout = '';
    let stderr = '';
    const code = await runKubectl(args, {
      client: t.client,
      mapper,
      namespace: 'default',
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readFile: async (path) => {
        if (path === '-') return stdin;
        return readFile(resolve(FIXTURES, path), 'utf8').catch(() => {
          throw new Error(`the path "${path}" does not exist`);
        });
      },
      listDirectory: (path) => listFiles(resolve(FIXTURES, path)).then((files) => files?.map((f) => f.slice(FIXTURES.length + 1))),
      now: () => Date.now(),
      after: (ms, callback) => {
        const timer = t.clock.after(ms, callback);
        return () => timer.cancel();
      },
      server: bridge.url,
      signal: { cancelled: false, onCancel: () => undefined },
      timezoneOffset: () => 0,
    });
    return { stdout, stderr, code };
  };

  const pumping = async <T>(work: Promise<T>): Promise<T> => {
    let done = false;
    const finished = work.finally(() => (done = true));
    while (!done) {
      await t.clock.advance(1000);
      await new Promise((r) => setTimeout(r, 20));
    }
    return finished;
  };

  const settle = async (ms = 0) => {
    if (ms > 0) await t.clock.advance(ms);
    let last = -1;
    while (last !== t.cluster.store.revision) {
      last = t.cluster.store.revision;
      await new Promise((r) => setTimeout(r, 150));
    }
  };

  return {
    t,
    bridge,
    real,
    ours,
    pumping,
    settle,
    async close() {
      await bridge.close();
      await t.shutdown();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Splits a command line as a POSIX shell does: quotes (also inside words) and backslashes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && ['"', '\\', '$', '`'].includes(line[i + 1])) i++;
        word += line[i++];
      }
      inWord = true;
    } else if (c === '\\') {
      word += line[++i] ?? '';
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
