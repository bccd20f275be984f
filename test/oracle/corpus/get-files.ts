// kubectl get -f: seeded objects read back from manifests (stdin, files, a folder, several
// files in one comma-separated -f), in every output format, with missing and nameless objects,
// other namespaces and label selectors; and the other comma-separated list flags.

import { lines, withStdin, type OracleCase } from './types';

const WEB_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const WEB_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
const MISSING_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nope\n';
const NAMELESS_CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app: web\ndata:\n  mode: "slow"\n';
const SETTINGS = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
const TEAM_A_CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-root-ca.crt\n  namespace: team-a\n';

const documents = (...manifests: string[]) => manifests.join('---\n');

export const GET_FILES_CASES: OracleCase[] = [
  ...withStdin(WEB_POD, 'get -f -', 'get -f - -o wide', 'get -f - -o yaml', 'get -f - --show-kind', 'get -f - -l app=web'),
  ...withStdin(documents(WEB_POD, WEB_SERVICE), 'get -f -', 'get -f - -o name', 'get -f - -o json'),
  ...withStdin(documents(WEB_POD, WEB_SERVICE, WEB_POD), 'get -f -', 'get -f - --no-headers -L app'),
  ...withStdin(MISSING_POD, 'get -f -', 'get -f - -o yaml', 'get -f - --ignore-not-found'),
  ...withStdin(documents(MISSING_POD, WEB_POD), 'get -f -', 'get -f - -o name'),
  ...withStdin(NAMELESS_CONFIG, 'get -f -', 'get -f - -o name', 'get -f - -o yaml', 'get -f - --show-labels', 'get -f - --show-kind'),
  ...withStdin(documents(NAMELESS_CONFIG, SETTINGS), 'get -f -'),
  ...withStdin(documents(NAMELESS_CONFIG, WEB_POD), 'get -f -'),
  ...withStdin(TEAM_A_CONFIG, 'get -f -', 'get -f - -n team-a', 'get -f - -n default', 'get -f - -A'),
  ...withStdin(SETTINGS, 'get -f - -n team-a', 'get -f - -A'),
  ...withStdin(documents(WEB_POD, WEB_SERVICE, SETTINGS), 'get -f - -l app=web -o name'),
  ...lines(
    'get -f seed/pods.yaml',
    'get -f seed/config.yaml',
    'get -f seed/pods.yaml -o jsonpath={.items[*].metadata.name}',
    'get -f bad-pod.yaml -o yaml',
    'get -f bad-pod.yaml',
    'get -f replace/widget.yaml -o name',
    'get -f seed -o name',
    'get -f seed/pods.yaml pods',
    'get pods --show-kind',
    'get -f seed/pods.yaml,seed/config.yaml -o name',
    'get -f seed/config.yaml -f "seed/pods.yaml,bad-pod.yaml" -o name',
    `get -f 'seed/pods.yaml,"seed/config.yaml"' -o name`,
    `get -f 'seed/pods.yaml,a"b'`,
    `get -f '"seed/pods.yaml'`,
    `get -f '"seed/pods.yaml"x'`,
    'get -f seed/pods.yaml, -o name',
    'get -f replace/widget.yaml -f seed/pods.yaml -o name',
    'get -f seed/pods.yaml,replace/widget.yaml,bad-pod.yaml -o name',
    'get -f replace/widget.yaml,seed/pods.yaml',
    'get pods -L app,tier -L run',
    'api-resources --verbs=list,watch --api-group=apps',
    'events --types=Normal,Warning --for pod/web',
  ),
];
