// kubectl workflows a learner runs, end to end on a real cluster: apply (created, unchanged,
// configured, fields removed from the file removed from the object), edit through the
// editor hook, the default namespace from config set-context, a deployment rollout (status,
// history, undo), wait, and get -w until interrupted.

import { beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/kubectl/kubectl';
import { eventually, kubectlContext, splitArgs, type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const CONFIG = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
${data}`;

interface Session {
  run(line: string, stdin?: string): Promise<{ stdout: string; stderr: string; code: number }>;
  namespace: string;
}

/** A kubectl with its own default namespace, an editor that applies `edit`, and a Ctrl+C. */
function session(t: TestCluster, edit: (text: string) => string, cancel?: { listeners: (() => void)[] }): Session {
  const state: Session = {
    namespace: 'default',
    async run(line, stdin = '') {
      let stdout = '';
      let stderr = '';
      const ctx = kubectlContext(t, {
        namespace: state.namespace,
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        readFile: async () => stdin,
        after: (ms, callback) => {
          const timer = t.clock.after(ms, callback);
          return () => timer.cancel();
        },
        signal: { cancelled: false, onCancel: (listener) => cancel?.listeners.push(listener) },
        editText: async (text) => edit(text),
        setNamespace: (namespace) => (state.namespace = namespace),
      });
      const code = await runKubectl(splitArgs(line), ctx);
      return { stdout, stderr, code };
    },
  };
  return state;
}

describe('kubectl workflows', () => {
  const t = useTestCluster();
  let k: Session;

  beforeAll(async () => {
    k = session(t, (text) => text.replace('level: "1"', 'level: "9"'));
  });

  it('applies: created, unchanged, configured, and removes what the file no longer has', async () => {
    expect((await k.run('apply -f -', CONFIG('  level: "1"\n  mode: fast\n'))).stdout).toBe('configmap/app-config created\n');
    expect((await k.run('apply -f -', CONFIG('  level: "1"\n  mode: fast\n'))).stdout).toBe('configmap/app-config unchanged\n');
    await k.run('label cm app-config owner=ops');
    expect((await k.run('apply -f -', CONFIG('  level: "1"\n'))).stdout).toBe('configmap/app-config configured\n');
    const live = await k.run('get cm app-config -o jsonpath={.data}{"|"}{.metadata.labels.owner}');
    expect(live.stdout).toBe('{"level":"1"}|ops');
  });

  it('edits an object in the editor and patches the change', async () => {
    expect(await k.run('edit cm app-config')).toEqual({ stdout: 'configmap/app-config edited\n', stderr: '', code: 0 });
    expect((await k.run('get cm app-config -o jsonpath={.data.level}')).stdout).toBe('9');
    expect((await k.run('edit cm app-config')).stdout).toBe('Edit cancelled, no changes made.\n');
  });

  it('says clearly when there is no editor', async () => {
    const noEditor = await runKubectl(
      ['edit', 'cm', 'app-config'],
      kubectlContext(t, { stderr: (text) => expect(text).toContain('kubectl edit needs a text editor'), readFile: async () => '' }),
    );
    expect(noEditor).toBe(1);
  });

  it('uses the namespace set with config set-context for later commands', async () => {
    await k.run('create namespace team-b');
    expect(await k.run('config set-context --current --namespace=team-b')).toEqual({ stdout: 'Context "kubetab" modified.\n', stderr: '', code: 0 });
    await k.run('create configmap only-here --from-literal=a=1');
    expect((await k.run('get cm only-here -n team-b -o name')).stdout).toBe('configmap/only-here\n');
    expect((await k.run('config view -o jsonpath={.contexts[0].context.namespace}')).stdout).toBe('team-b');
    await k.run('config set-context --current --namespace=default');
    expect((await k.run('get cm only-here')).stderr).toBe('Error from server (NotFound): configmaps "only-here" not found\n');
  });

  it('rolls a deployment out, shows its history and rolls it back', async () => {
    expect((await k.run('create deployment web --image=nginx --replicas=2')).stdout).toBe('deployment.apps/web created\n');
    const rolledOut = await eventually(t.clock, async () => {
      const result = await k.run('rollout status deploy/web --watch=false');
      expect(result.stdout).toBe('deployment "web" successfully rolled out\n');
      return result;
    });
    expect(rolledOut.code).toBe(0);
    expect((await k.run('set image deploy/web nginx=nginx:1.25')).stdout).toBe('deployment.apps/web image updated\n');
    await eventually(t.clock, async () => expect((await k.run('rollout status deploy/web --watch=false')).stdout).toBe('deployment "web" successfully rolled out\n'));
    expect((await k.run('rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    const revision = (await k.run('rollout history deploy/web --revision=2')).stdout;
    expect(revision).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.25\n {4}Port:\t<none>\n/);
    expect(revision).toMatch(/\n {2}Volumes:\t<none>\n {2}Node-Selectors:\t<none>\n {2}Tolerations:\t<none>\n\n$/);
    const clientDryRun = (await k.run('rollout undo deploy/web --dry-run=client')).stdout;
    expect(clientDryRun).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels:\tapp=web\n/);
    expect(clientDryRun).toContain('    Image:\tnginx\n');
    expect(clientDryRun).toMatch(/ {2}Tolerations:\t<none>\n \(dry run\)\n$/);
    expect((await k.run('rollout undo deploy/web --dry-run=server')).stdout).toBe('deployment.apps/web rolled back (server dry run)\n');
    expect((await k.run('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.25');
    expect((await k.run('rollout undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    await eventually(t.clock, async () => expect((await k.run('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx'));
  });

  it('waits for a condition, and times out on the cluster clock', async () => {
    const waited = await eventually(t.clock, async () => {
      const result = await k.run('wait --for=condition=Available deploy/web --timeout=1s');
      expect(result.code).toBe(0);
      return result;
    });
    expect(waited.stdout).toBe('deployment.apps/web condition met\n');
    const timingOut = k.run('wait --for=jsonpath={.status.phase}=Failed pod -l app=web --timeout=30s');
    const result = await eventually(t.clock, () => Promise.race([timingOut, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still waiting')), 20))]), { stepMs: 5000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: timed out waiting for the condition on pods\/web-/);
  });

  it('runs a pod attached, reports its exit code and removes it with --rm', async () => {
    const running = k.run(`run once --image=busybox --rm --attach --restart=Never -- sh -c 'sleep 5; exit 4'`);
    const result = await eventually(t.clock, () => Promise.race([running, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still running')), 20))]), { stepMs: 1000 });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('pod "once" deleted\n');
    expect(result.stderr).toContain("If you don't see a command prompt, try pressing enter.\n");
    expect(result.stderr).toContain('pod default/once terminated (Error)\n');
    expect((await k.run('get pod once')).stderr).toBe('Error from server (NotFound): pods "once" not found\n');
  });

  it('keeps printing changes with get -w until interrupted', async () => {
    const cancel = { listeners: [] as (() => void)[] };
    const watcher = session(t, (text) => text, cancel);
    const watching = watcher.run('get cm -w --no-headers');
    await eventually(t.clock, async () => expect(cancel.listeners.length).toBeGreaterThan(0));
    await k.run('create configmap watched --from-literal=x=1');
    await eventually(t.clock, async () => {
      for (const listener of cancel.listeners) listener();
      const result = await Promise.race([watching, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not ended')), 20))]);
      expect(result.stdout).toMatch(/^watched\s+1\s+\d+s$/m);
    });
  });
});
