// A manifest file with a document that cannot be parsed, as kubectl's builder handles it: the
// objects before that document are still acted on, the rest of that file is not read, other
// files are, and the parse error is reported with the line counted from its own document.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/kubectl/kubectl';
import { kubectlContext, splitArgs, startTestCluster, type KubectlResult, type TestCluster } from '../support/node-cluster';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

const FILES: Record<string, string> = {
  // The second document indents its fourth line with a tab, which YAML does not allow.
  'broken.yaml': [configMap('first'), configMap('second').replace('  name', '\tname'), configMap('third')].join('---\n'),
  'good.yaml': configMap('after'),
};

const PARSE_ERROR = /^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line 4: .+$/m;

describe('kubectl -f with an unparsable document', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ workers: 0 });
  });

  afterAll(async () => {
    await t.shutdown();
  });

  async function kubectl(line: string): Promise<KubectlResult> {
    let stdout = '';
    let stderr = '';
    const ctx = kubectlContext(t, {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      readFile: async (path) => {
        if (!(path in FILES)) throw new Error(`the path "${path}" does not exist`);
        return FILES[path];
      },
    });
    const code = await runKubectl(splitArgs(line), ctx);
    return { stdout, stderr, code };
  }

  async function configMapNames(): Promise<string[]> {
    const { stdout } = await t.kubectl('get configmaps -o name');
    return stdout.split('\n').filter((name) => name && name !== 'configmap/kube-root-ca.crt');
  }

  it('apply acts on the objects before the broken document and on the other files, then fails', async () => {
    const result = await kubectl('apply -f broken.yaml -f good.yaml');
    expect(result.stdout).toBe('configmap/first created\nconfigmap/after created\n');
    expect(result.stderr).toMatch(PARSE_ERROR);
    expect(result.code).toBe(1);
    expect(await configMapNames()).toEqual(['configmap/after', 'configmap/first']);
  });

  it('get reports the objects it fetched and the parse error together', async () => {
    const result = await kubectl('get -f broken.yaml,good.yaml -o name');
    expect(result.stdout).toBe('configmap/first\nconfigmap/after\n');
    expect(result.stderr).toMatch(PARSE_ERROR);
    expect(result.code).toBe(1);
  });

  it('delete removes the objects it could read, then fails', async () => {
    const result = await kubectl('delete -f good.yaml,broken.yaml');
    expect(result.stdout).toBe('configmap "after" deleted\nconfigmap "first" deleted\n');
    expect(result.stderr).toMatch(PARSE_ERROR);
    expect(result.code).toBe(1);
    expect(await configMapNames()).toEqual([]);
  });

  it('create does the same, and a missing path still stops everything before any request', async () => {
    const missing = await kubectl('create -f broken.yaml -f nowhere.yaml');
    expect(missing.stderr).toBe('error: the path "nowhere.yaml" does not exist\n');
    expect(await configMapNames()).toEqual([]);
    const result = await kubectl('create -f broken.yaml');
    expect(result.stdout).toBe('configmap/first created\n');
    expect(result.stderr).toMatch(PARSE_ERROR);
    expect(result.code).toBe(1);
    expect(await configMapNames()).toEqual(['configmap/first']);
  });
});
