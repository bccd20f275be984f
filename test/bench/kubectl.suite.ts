// kubectl speed: `kubectl get pods` with a few running pods, through kubetab's kubectl in
// process and through the real kubectl over the HTTP bridge, against the same cluster, so the
// two figures sit side by side (the real one includes starting its process).

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge } from '../../src/cli/http-bridge';
import { kubeconfig } from '../../src/cli/kubeconfig';
import { eventually, startTestCluster } from '../support/node-cluster';
import { median, round, type Figures } from './figures';

const PODS = 5;
const OURS_RUNS = 200;
const REAL_RUNS = 20;

function runReal(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile('kubectl', args, { env }, (error) => (error ? reject(error) : resolve(performance.now() - started)));
  });
}

export default async function kubectlFigures(): Promise<Figures> {
  const t = await startTestCluster();
  const bridge = await startBridge({ api: t.cluster.apiServer });
  const home = await mkdtemp(join(tmpdir(), 'kubetab-bench-'));
  try {
    for (let i = 0; i < PODS; i++) await t.kubectl(`run bench-${i} --image=nginx`);
    await eventually(t.clock, async () => {
      const result = await t.kubectl('get pods --no-headers');
      if ((result.stdout.match(/Running/g) ?? []).length !== PODS) throw new Error('pods not running yet');
    });
    const ours: number[] = [];
    for (let i = 0; i < OURS_RUNS; i++) {
      const started = performance.now();
      await t.kubectl('get pods');
      ours.push(performance.now() - started);
    }
    const figures: Figures = { 'kubectl.cmd_p50_ms': { value: round(median(ours), 3), unit: 'ms', note: `kubetab's kubectl in process, get pods (${PODS} pods); target < 5 ms` } };
    const configPath = join(home, 'kubeconfig');
    await writeFile(configPath, kubeconfig(bridge.url));
    const env = { ...process.env, KUBECONFIG: configPath, KUBECACHEDIR: join(home, 'cache'), HOME: home };
    const available = await runReal(['version', '--client'], env).then(() => true, () => false);
    if (available) {
      const real: number[] = [];
      await runReal(['get', 'pods'], env);
      for (let i = 0; i < REAL_RUNS; i++) real.push(await runReal(['get', 'pods'], env));
      figures['kubectl.real_cmd_p50_ms'] = { value: round(median(real), 1), unit: 'ms', note: 'the real kubectl v1.32 over the HTTP bridge, same command (process start included)' };
    }
    return figures;
  } finally {
    await bridge.close();
    await t.shutdown();
    await rm(home, { recursive: true, force: true });
  }
}
