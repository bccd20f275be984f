// Manifests with the YAML mistakes people make most (indentation off by a column, a missing
// colon or space, an unclosed quote or bracket, a list item out of place, a key written twice):
// kubectl reports go-yaml's words and line before sending anything, or for a key written twice
// keeps the last value. `create -f -` with a server dry run, so nothing is made.

import type { OracleCase } from './types';

const head = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;
const CONTAINERS = 'spec:\n  containers:\n  - name: web\n    image: nginx\n';
/** A pod of one nginx container, with `tail` after its image line. */
const web = (tail: string) => `${head('web')}${CONTAINERS}${tail}`;
const configMap = (name: string, tail: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${tail}`;

const BROKEN: string[] = [
  `${head('web')} labels:\n    app: web\n${CONTAINERS}`,
  web('   ports:\n    - containerPort: 80\n'),
  `${head('"web')}${CONTAINERS}`,
  `${head("'web")}${CONTAINERS}`,
  `${head('web')}  name: web2\n${CONTAINERS}`,
  `${head('web')}spec:\n  containers:\n    - name: web\n      image: nginx\n      command: ["sh", "-c", "echo hi"\n`,
  web('    - containerPort: 80\n'),
  web('    env:\n    - name: A\n      value: a: b\n'),
  web('    args: [--a, --b\n    ports:\n    - containerPort: 80\n'),
  `${head('web')}spec:\n  containers:\n  - name: web\n    image nginx\n`,
  web('    ports:\n    - containerPort: 80\n      - containerPort: 81\n'),
  web('      imagePullPolicy: Always\n'),
  `${head('web')}  labels: {app: web\n${CONTAINERS}`,
  web('  - name: sidecar\n     image: busybox\n'),
  web('    command: ["sh", "-c", "echo "hi""]\n'),
  web('- name: other\n  image: busybox\n'),
  `${head('web')}spec:\n  containers:\n  -name: web\n    image: nginx\n`,
  web('    env:\n    - name: GREETING\n      value: hello: world\n'),
  web('    ports:\n    - containerPort: 80\n  - containerPort: 81\n    protocol: TCP\n'),
  configMap('flow', '  labels: {a: b c: d}\ndata:\n  k: v\n'),
  `${configMap('first-ok', '')}---\n${configMap('second', ' labels:\n    a: b\n')}`,
  configMap('nocolon', 'data\n  k: v\n'),
  configMap('bracket', '  labels: [\n'),
];

export const YAML_ERROR_CASES: OracleCase[] = BROKEN.map((stdin) => ({ line: 'create -f - --dry-run=server -o name', stdin }));
