// Heredocs typed line by line into kubetab's shell, as the terminal receives them: quotes in a
// heredoc's body are the manifest's text, not the shell's, so a body with an unclosed quote
// still ends at its delimiter and the shell takes the next command.

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestCluster } from '../support/use-test-cluster';
import { testShell, type TestShell } from '../support/test-shell';

describe('heredocs in the shell', () => {
  const t = useTestCluster({ workers: 0 });
  let shell: TestShell;

  beforeAll(async () => {
    shell = testShell(t);
  });

  async function typeLines(lines: string[]): Promise<string> {
    let printed = '';
    for (const line of lines) printed += await shell.run(line);
    return printed;
  }

  it('ends a body with an unclosed quote at its delimiter, then runs the next command', async () => {
    const printed = await typeLines(['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: "half', 'EOF']);
    expect(printed).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: /);
    expect(await shell.run('kubectl get ns default -o name')).toBe('namespace/default\n');
  });

  it("passes a body's quotes through to the command", async () => {
    const printed = await typeLines(['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: quoted', 'data:', `  greeting: "it's \\"quoted\\""`, 'EOF']);
    expect(printed).toBe('configmap/quoted created\n');
    expect(await shell.run("kubectl get cm quoted -o jsonpath='{.data.greeting}'")).toBe(`it's "quoted"`);
  });
});
