// YAML 1.1 scalars, as kubectl and the API server read manifests: an unquoted y/yes/on is a
// boolean (refused where a string belongs), 0755 is octal and 1_000 a number, while a date
// and 1:20 stay strings. Server dry runs: nothing is created.

import type { OracleCase } from './types';

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: yaml-scalars\ndata:\n${data}`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: yaml-scalars
spec:
  terminationGracePeriodSeconds: 0755
  containers:
  - name: c
    image: nginx
    tty: on
    stdin: yes
`;

export const YAML_SCALAR_CASES: OracleCase[] = [
  { line: 'create -f - --dry-run=server', stdin: configMap('  a: y\n') },
  { line: 'create -f - --dry-run=server', stdin: configMap('  a: "on"\n  b: Off\n') },
  { line: 'create -f - --dry-run=server', stdin: configMap('  a: 1_000\n') },
  { line: 'create -f - --dry-run=server -o jsonpath={.data}', stdin: configMap('  t: 2001-12-14\n  s: 1:20\n  q: "yes"\n') },
  { line: "create -f - --dry-run=server -o jsonpath='{.spec.terminationGracePeriodSeconds} {.spec.containers[0].tty} {.spec.containers[0].stdin}'", stdin: POD },
  { line: "patch configmap settings -p 'data: {a: on}' --dry-run=server" },
];
