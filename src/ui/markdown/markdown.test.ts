import { describe, expect, it } from 'vitest';
import { commandLines } from './markdown';

describe('commandLines', () => {
  it('joins continuation lines and leaves out blank lines and comments', () => {
    expect(commandLines('# make a pod\nkubectl run web \\\n  --image=nginx\n\nkubectl get pods\n')).toEqual(['kubectl run web --image=nginx', 'kubectl get pods']);
  });

  it('types a heredoc body as written, indentation, blank lines and comments included', () => {
    const block = ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '', '# the app', 'spec:', '  containers:', '  - name: web', '    image: nginx', 'EOF', '  kubectl get pod web', ''].join('\n');
    expect(commandLines(block)).toEqual([
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      '',
      '# the app',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: nginx',
      'EOF',
      'kubectl get pod web',
    ]);
  });

  it('ends each of several heredocs a line opens at its own delimiter', () => {
    expect(commandLines("cat <<A <<'B'\n  one\nA\n  two\nB\necho done")).toEqual(["cat <<A <<'B'", '  one', 'A', '  two', 'B', 'echo done']);
  });
});
