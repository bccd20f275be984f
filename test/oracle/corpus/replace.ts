// kubectl replace: updates from stdin on twin objects (a missing one, then replaced, printed in
// every way, dry runs, the last-applied annotation, a stale resourceVersion, an invalid update,
// --force, subresources, --raw), files and directories from fixtures/replace on shared objects
// (created and deleted with a reset, so both clients see them), and flag errors. The cases
// leave no object behind.

import type { OracleCase } from './types';

const CONFIG = (level: string, metadata = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: %rc1%
${metadata}data:
  level: "${level}"
`;

const LAST_APPLIED = `  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"data":{"level":"old"}}'
`;

const MISSING = `apiVersion: v1
kind: ConfigMap
metadata:
  name: %rc2%
data:
  level: "1"
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: %rd1%
spec:
  replicas: 0
  selector:
    matchLabels:
      app: %rd1%
  template:
    metadata:
      labels:
        app: %rd1%
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const CONFIGS = 'replace/configs';

export const REPLACE_CASES: OracleCase[] = [
  { line: 'replace -f -', stdin: CONFIG('1') },
  { line: 'create -f -', stdin: CONFIG('1') },
  { line: 'replace -f -', stdin: CONFIG('2') },
  { line: 'replace -f - -o name', stdin: CONFIG('3') },
  { line: 'replace -f - -o jsonpath={.data.level}', stdin: CONFIG('4') },
  { line: "replace -f - --template='{{.kind}} {{.data.level}}'", stdin: CONFIG('4') },
  { line: 'replace -f - --dry-run=client -o yaml', stdin: CONFIG('5') },
  { line: 'replace -f - --dry-run=client', stdin: CONFIG('5') },
  { line: 'replace -f - --dry-run=server', stdin: CONFIG('6') },
  { line: 'replace -f - --dry-run=server -o jsonpath={.data.level}', stdin: CONFIG('6') },
  { line: 'get cm %rc1% -o jsonpath={.data.level}' },
  { line: 'replace -f - --save-config -o jsonpath={.metadata.annotations}', stdin: CONFIG('7') },
  { line: 'replace -f - -o jsonpath={.metadata.annotations}', stdin: CONFIG('8', LAST_APPLIED) },
  { line: 'replace -f - --field-manager=replacer -o name', stdin: CONFIG('8') },
  { line: 'replace -f -', stdin: CONFIG('9', '  resourceVersion: "1"\n') },
  { line: 'replace -f -', stdin: CONFIG('9').replace('level:', '"not valid":') },
  { line: 'replace -f -', stdin: CONFIG('9').replace('level: "9"', 'level: 9') },
  { line: 'replace -f - --validate=false -o jsonpath={.data}', stdin: `${CONFIG('9')}extra: field\n` },
  { line: 'replace -f -', stdin: `${CONFIG('9')}extra: field\n` },
  { line: 'replace -f - -n team-a', stdin: CONFIG('9') },
  { line: 'replace -f - -n team-a', stdin: CONFIG('9', '  namespace: default\n') },
  { line: 'replace -f - --subresource=status', stdin: CONFIG('9') },
  { line: 'replace -f -', stdin: CONFIG('9').replace('  name: %rc1%\n', '') },
  { line: 'replace --force -f -', stdin: CONFIG('10') },
  { line: 'replace --force -f - -o name --grace-period=0', stdin: CONFIG('11') },
  { line: 'replace --force -f - --cascade=orphan --wait --timeout=10s -o jsonpath={.data.level}', stdin: CONFIG('12') },
  { line: 'replace --force -f - --dry-run=client', stdin: CONFIG('13') },
  { line: 'replace --force -f - configmap', stdin: CONFIG('13') },
  { line: 'replace --force -f -', stdin: MISSING },
  { line: 'replace --force -f replace/widget.yaml -f -', stdin: MISSING.replace('%rc2%', '%rc3%') },
  { line: 'replace -f replace/widget.yaml -f - --validate=false', stdin: MISSING.replace('%rc2%', '%rc3%') },
  { line: 'replace --raw /api/v1/namespaces/default/configmaps/%rc4% -f -', stdin: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%rc4%"}}' },
  { line: 'replace --raw /api/v1/namespaces/default/configmaps/%rc1% -f -', stdin: CONFIG('14') },
  { line: 'get cm %rc1% %rc2% -o jsonpath={.items[*].data.level}' },
  { line: 'create deployment %rd1% --image=nginx --replicas=0' },
  { line: 'replace -f - --subresource=status', stdin: DEPLOYMENT },
  { line: 'replace -f - --subresource=scale', stdin: DEPLOYMENT },
  { line: 'delete cm %rc1% %rc2%', pump: true },
  { line: 'delete deployment %rd1%', pump: true },
  { line: `replace -f ${CONFIGS}` },
  { line: `create -f ${CONFIGS} -R`, reset: `delete -f ${CONFIGS} -R` },
  { line: `replace -f ${CONFIGS} -R` },
  { line: `replace -f ${CONFIGS}/first.yaml -o name` },
  { line: `replace --force -f ${CONFIGS}` },
  { line: `replace -f ${CONFIGS}/first.yaml -f replace/widget.yaml --validate=false` },
  { line: `delete -f ${CONFIGS} -R`, reset: `create -f ${CONFIGS} -R`, pump: true },
  { line: `replace -f ${CONFIGS} -R` },
  { line: 'replace' },
  { line: 'replace nope' },
  { line: 'replace -f replace/missing.yaml' },
  { line: `replace -f ${CONFIGS} -o wide` },
  { line: `replace -f ${CONFIGS} -o custom-columns=NAME:.metadata.name` },
  { line: `replace -f ${CONFIGS} --grace-period=3` },
  { line: `replace -f ${CONFIGS} --timeout=3s` },
  { line: `replace -f ${CONFIGS} --cascade=sideways` },
  { line: `replace -f ${CONFIGS} --validate=bogus` },
  { line: `replace -f ${CONFIGS} --dry-run=bogus` },
  { line: `replace -f ${CONFIGS} --raw=/api/v1/namespaces/default/configmaps/x -R` },
  { line: `replace -f ${CONFIGS}/first.yaml -f ${CONFIGS}/first.yaml --raw=/api/v1/namespaces/default/configmaps/x` },
  { line: `replace -f ${CONFIGS}/first.yaml --raw=/api/v1/namespaces/default/configmaps/x -o yaml` },
  { line: `replace -f ${CONFIGS}/first.yaml --raw=nope` },
  { line: 'replace -f replace/missing.yaml --raw=/api/v1/namespaces/default/configmaps/x' },
];
