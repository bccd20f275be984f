// Commands that change the cluster, each on twin objects so both clients see the same state,
// or (nodes) with the state put back between the two runs; the taint cases leave
// kubetab-worker3 without taints, as they found it.

import type { OracleCase } from './types';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: %p2%
  labels:
    app: p2
spec:
  containers:
  - name: main
    image: busybox
    command: ["sleep", "3600"]
`;

const CONFIG = (level: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: %ac1%
data:
  level: "${level}"
`;

const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n';
const TAB_INDENTED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n';
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
/** Documents a builder cannot map or parse around one it can (an unserved kind, a tab-indented document last). */
const unreadableAround = (name: string) => [WIDGET, configMap(name), TAB_INDENTED].join('---\n');

/** A pod the server takes with warnings: a deprecated node label, memory in millibytes, an env var and a port declared twice. */
const WARNED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: %wp1%
spec:
  nodeSelector:
    beta.kubernetes.io/os: linux
  containers:
  - name: app
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: 80
    env:
    - name: MODE
      value: fast
    - name: MODE
      value: slow
    resources:
      requests:
        memory: 100m
`;

export const MUTATE_CASES: OracleCase[] = [
  { line: 'run %p1% --image=nginx --labels=app=p1' },
  { line: 'run %p1% --image=nginx' },
  { line: `run %r1% --image=busybox --rm --attach --restart=Never -- sleep 30`, pump: true },
  { line: `run %r2% --image=busybox --attach --restart=Never -- sh -c 'sleep 30; exit 3'`, pump: true },
  { line: 'run %r3% --image=busybox --rm -- echo' },
  { line: 'create deployment %d1% --image=nginx' },
  { line: 'create deployment %d1% --image=nginx' },
  { line: 'create deployment %d2% --image=nginx --replicas=2 --port=80 --dry-run=client -o yaml' },
  { line: 'create deployment %d3%' },
  { line: 'create service clusterip %s1% --tcp=80:8080' },
  { line: 'create service nodeport %s2% --tcp=80 --dry-run=client -o yaml' },
  { line: 'create configmap %c1% --from-literal=a=1 --from-literal=b=2' },
  { line: 'create secret generic %sec1% --from-literal=password=hunter2 --dry-run=client -o yaml' },
  { line: 'create ns %n1%' },
  { line: 'create sa %sa1%' },
  { line: 'create job %j1% --image=busybox -- echo hi' },
  { line: 'create -f -', stdin: POD },
  { line: 'create -f -', stdin: POD },
  { line: 'apply -f -', stdin: CONFIG('1') },
  { line: 'apply -f -', stdin: CONFIG('1') },
  { line: 'apply -f -', stdin: CONFIG('2') },
  { line: 'get cm %ac1% -o jsonpath={.data.level}' },
  { line: 'run %p3% --image=busybox --command -- sleep 3600' },
  { line: 'run %dot1%.v1 --image=nginx' },
  { line: 'create deployment %dot2%.v2 --image=nginx' },
  { line: 'create ns %dot3%.v3' },
  { line: 'label pod %p3% tier=back' },
  { line: 'label pod %p3% tier=front' },
  { line: 'label pod %p3% tier=front --overwrite' },
  { line: 'label pod %p3% tier-' },
  { line: 'label pod %p3% tier-' },
  { line: 'annotate pod %p3% note=hello' },
  { line: 'get pod %p3% --no-headers -o custom-columns=LABELS:.metadata.labels,NOTE:.metadata.annotations.note' },
  { line: 'get pod %p3% --show-labels -o name' },
  { line: `patch cm %c1% -p '{"data":{"c":"3"}}'` },
  { line: `patch cm %c1% -p '{"data":{"c":"3"}}'` },
  { line: "patch cm %c1% --type=json -p '[{\"op\":\"remove\",\"path\":\"/data/a\"}]'" },
  { line: 'patch cm %c1% --type=bogus -p {}' },
  { line: 'get cm %c1% -o jsonpath={.data}' },
  { line: 'scale deploy %d1% --replicas=3' },
  { line: 'set image deploy/%d1% nginx=nginx:1.25' },
  { line: 'set image deploy/%d1% nope=nginx', settle: 5000 },
  { line: 'rollout history deploy/%d1%' },
  { line: 'rollout undo deploy/%d1%', settle: 5000 },
  { line: 'rollout undo deploy/%d1% --to-revision=9' },
  { line: 'rollout restart deploy/%d1%' },
  { line: 'rollout status deploy/api --watch=false' },
  { line: 'rollout history deploy/api' },
  { line: 'rollout status deploy/nope' },
  { line: 'rollout status pod/web' },
  { line: 'rollout history pod/web' },
  { line: 'rollout restart pod/web' },
  { line: 'expose deploy %d1% --port=80 --target-port=8080' },
  { line: 'get svc %d1% -o jsonpath={.spec.ports}' },
  { line: 'expose pod web --port=8080 --name=%e1% --dry-run=client -o yaml' },
  { line: 'expose pod web --name=%e2% --type=NodePort -o jsonpath={.spec.selector}' },
  { line: 'rollout pause deploy/%d1%' },
  { line: 'rollout pause deploy/%d1%' },
  { line: 'rollout resume deploy/%d1%' },
  { line: 'cordon kubetab-worker3', reset: 'uncordon kubetab-worker3' },
  { line: 'cordon kubetab-worker3' },
  { line: 'uncordon kubetab-worker3', reset: 'cordon kubetab-worker3' },
  { line: 'drain kubetab-worker2', reset: 'uncordon kubetab-worker2' },
  { line: 'drain kubetab-worker2 --force --ignore-daemonsets --dry-run=client' },
  { line: 'uncordon kubetab-worker2', reset: 'cordon kubetab-worker2' },
  { line: 'label node kubetab-worker3 disktype=ssd', reset: 'label node kubetab-worker3 disktype-' },
  { line: 'label node kubetab-worker3 disktype-', reset: 'label node kubetab-worker3 disktype=ssd' },
  { line: 'create service nodeport %np1% --tcp=80:9376' },
  { line: 'taint nodes kubetab-worker3 dedicated=special:NoSchedule', reset: 'taint nodes kubetab-worker3 dedicated-' },
  { line: 'taint nodes kubetab-worker3 dedicated=other:NoSchedule' },
  { line: 'taint nodes kubetab-worker3 dedicated=other:NoSchedule --overwrite', reset: 'taint nodes kubetab-worker3 dedicated=special:NoSchedule --overwrite' },
  { line: 'taint node kubetab-worker3 gpu:PreferNoSchedule', reset: 'taint nodes kubetab-worker3 gpu-' },
  { line: 'taint nodes kubetab-worker3 spot=true:NoExecute --dry-run=client -o yaml' },
  { line: 'taint nodes kubetab-worker3 gpu- spot=true:NoExecute --dry-run=server' },
  { line: 'taint nodes kubetab-worker3 gpu:PreferNoSchedule-', reset: 'taint nodes kubetab-worker3 gpu:PreferNoSchedule' },
  { line: 'taint nodes kubetab-worker3 gpu:PreferNoSchedule-' },
  { line: 'taint nodes kubetab-worker3 dedicated- -o name', reset: 'taint nodes kubetab-worker3 dedicated=other:NoSchedule' },
  { line: 'taint nodes kubetab-worker3 dedicated-' },
  { line: 'taint no kubetab-worker3 a=1:NoSchedule b=2:PreferNoSchedule -o jsonpath={.spec.taints}', reset: 'taint nodes kubetab-worker3 a- b-' },
  { line: 'taint nodes kubetab-worker3 a=1:NoSchedule c-' },
  { line: 'taint nodes kubetab-worker3 c- d:NoExecute-' },
  { line: 'taint nodes kubetab-worker3 nope kubetab-worker2 a=1:NoSchedule --dry-run=client' },
  { line: 'taint nodes kubetab-worker3 kubetab-worker2 c- d-' },
  { line: 'taint nodes -l kubernetes.io/hostname=kubetab-worker3 c=3:NoSchedule --dry-run=client' },
  { line: 'taint nodes --all a=1:NoSchedule --overwrite --dry-run=client -o name' },
  { line: 'taint nodes kubetab-worker3 a- b-', reset: 'taint nodes kubetab-worker3 a=1:NoSchedule b=2:PreferNoSchedule' },
  { line: 'wait --for=condition=Ready pod/web --timeout=5s' },
  { line: 'wait --for=jsonpath={.status.phase}=Running pod/web pod/worker' },
  { line: 'exec -i worker -c main -- cat', stdin: 'from stdin\n' },
  { line: 'run -i --rm --restart=Never %ri1% --image=busybox -- cat', stdin: 'attached\n', pump: true },
  { line: "run -i --rm --restart=Never %ri2% --image=busybox -- sh -c 'cat; exit 3'", stdin: 'then failed\n', pump: true },
  { line: 'attach %nope%' },
  { line: 'delete -f -', stdin: CONFIG('2'), pump: true },
  { line: 'apply -f -', stdin: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %tc1%\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: %tc2%\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %tc3%\n`, pump: true },
  { line: 'get configmaps %tc1% %tc2% %tc3% -o name' },
  { line: 'create configmap %ow1% -o wide' },
  { line: 'create -f - -o wide', stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %ow1%\n' },
  { line: 'apply -f - -o custom-columns=NAME:.metadata.name', stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %ow1%\n' },
  { line: 'run %ow1% --image=nginx -o wide' },
  { line: 'get configmap,pod %ow1%' },
  { line: 'create configmap %ow2%' },
  { line: 'label configmap %ow2% tier=web -o wide' },
  { line: 'annotate configmap %ow2% note=hi -o wide' },
  { line: `patch configmap %ow2% -p '{"data":{"k":"v"}}' -o bogus` },
  { line: 'get configmap %ow2% -o jsonpath={.metadata.labels}{.metadata.annotations}{.data}' },
  { line: 'create deployment %ow3% --image=nginx' },
  { line: 'scale deployment %ow3% --replicas=2 -o wide' },
  { line: 'set image deployment/%ow3% nginx=nginx:1.27 -o wide' },
  { line: 'expose deployment %ow3% --port=80 -o wide' },
  { line: 'scale deployment %ow3% --replicas=2 --dry-run=client' },
  { line: 'scale deployment %ow3% --replicas=2 --dry-run=server -o name' },
  { line: 'scale deployment %ow3% --replicas=2 -o jsonpath={.spec.replicas}' },
  { line: 'get deployment %ow3% -o jsonpath={.spec.replicas}{.spec.template.spec.containers[0].image}' },
  { line: 'delete -f -', stdin: unreadableAround('%dx1%') },
  { line: 'create --validate=false -f -', stdin: unreadableAround('%dx2%') },
  { line: 'create --validate=false -f -', stdin: unreadableAround('%dx2%') },
  { line: 'apply --validate=false -f -', stdin: [WIDGET, TAB_INDENTED].join('---\n') },
  { line: 'replace --validate=false -f -', stdin: unreadableAround('%dx3%') },
  { line: 'label -f - tier=web', stdin: unreadableAround('%dx3%') },
  { line: 'label -f - tier=web', stdin: unreadableAround('%dx2%') },
  { line: 'delete -f -', stdin: unreadableAround('%dx2%') },
  { line: 'apply -f -', stdin: WARNED_POD },
  { line: 'create deployment %wd1% --image=nginx --dry-run=client -o yaml' },
  { line: 'create -f -', stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %wd1%\nspec:\n  selector:\n    matchLabels:\n      app: %wd1%\n  template:\n    metadata:\n      labels:\n        app: %wd1%\n    spec:\n      containers:\n      - name: app\n        image: nginx\n        resources:\n          limits:\n            memory: 1.5\n' },
  { line: 'set image deployment/%wd1% app=nginx:1.27' },
  { line: 'label deployment %wd1% tier=web' },
  { line: 'create deployment %se1% --image=nginx' },
  { line: 'create configmap %sc1% --from-literal=mode=fast --from-literal=log.level=3' },
  { line: 'set env deployment/%se1% A=1 B=2' },
  { line: 'set env deployment/%se1% A=1' },
  { line: 'set env deployment/%se1% B-' },
  // --from reads a one-key config map: kubectl walks the keys in Go's random map order.
  { line: 'set env deployment/%se1% --from=configmap/greeting --prefix=APP_' },
  { line: 'set env deployment/%se1% --from=configmap/%sc1% --keys=log.level --dry-run=client -o name' },
  { line: 'set env deployment/%se1% --list' },
  { line: 'set env deployment/%se1% --list --resolve' },
  { line: 'set env deployment/%se1% -c nope C=3' },
  { line: 'set env deployment/%se1% C=3 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].env}' },
  { line: `set env deployment/%se1% 'bad key=1'` },
  { line: 'set env deployment/%se1% A=1 B- B=2' },
  { line: 'set env deployment/%se1% --overwrite=false A=2' },
  { line: 'set env deployment/%se1% A' },
  { line: 'set env deployment/%se1% A=1 deployment/nope' },
  { line: 'set env deployment/%se1% --keys=mode' },
  { line: 'set env deployment/%se1% --list -o yaml' },
  { line: 'set env deployment/%se1% --from=deployment/%se1%' },
  { line: 'set env deployment/%se1% -e D=4 -o name' },
  { line: 'set env deployment/%se1% -e -', stdin: 'E=5\n# a comment\nF=6 # trailing\n' },
  { line: 'set env deployment/%se1% --list -c "ngi*"' },
  { line: 'set image deployment/%se1% nginx=nginx' },
  { line: 'set image deployment/%se1% nginx=nginx:1.27 --dry-run=client' },
  { line: 'run %re1% --image=nginx --env=A=1 --env=A=2 --env=B --env=C= --dry-run=client -o jsonpath={.spec.containers[0].env}' },
  { line: 'run %re1% --image=nginx --env=A=1 --env=A=2' },
  { line: 'run %re2% --image=nginx --env=1A=2' },
  { line: 'run %re2% --image=nginx --env==2' },
  { line: 'rollout history deployment/api --revision=1' },
  { line: 'rollout undo deployment/api --dry-run=client' },
  { line: 'create deployment %ro1% --image=nginx' },
  { line: 'rollout pause deployment/%ro1% -o name' },
  { line: 'rollout resume deployment/%ro1% -o wide' },
  { line: 'get deployment %ro1% -o jsonpath={.spec.paused}' },
  { line: 'rollout restart deployment/%ro1% -o name' },
  { line: 'rollout resume deployment/%ro1%' },
  { line: 'create configmap %wc1%' },
  { line: 'delete -f -', stdin: `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %wc1%\n`, pump: true },
  { line: 'delete cm %c1% %ac1%', pump: true },
  { line: 'delete pod %p1%', pump: true },
];
