// kubectl events over the seeded cluster's events (nodes, pods, the deployment and the job):
// the table and its ordering, -A, --for, --types, the output formats and the errors. Watching
// runs until interrupted, which the oracle cannot do, so -w is left out.

import { lines } from './types';

export const EVENTS_CASES = lines(
  'events',
  'events -A',
  'events --no-headers',
  'events --for pod/web',
  'events --for deployment/api',
  'events --for deploy.apps/api -o json',
  'events --for job/once --types normal',
  'events --for pod/worker -o yaml',
  'events -o yaml --for node/kubetab-worker',
  `events --for pod/web -o jsonpath='{.kind} {.items[0].involvedObject.kind} {.items[0].eventTime}'`,
  `events --for pod/web -o go-template='{{range .items}}{{.reason}}{{"\\t"}}{{.type}}{{"\\n"}}{{end}}'`,
  'events -o name',
  'events --types Warning',
  'events --types Bogus',
  'events --types ,Normal',
  'events --no-headers -n kube-system',
  'events -n team-a',
  'events -A --for pod/nope',
  'events --for nope/x',
  'events --for pod',
  'events --for pod/web/x',
  'events --for pods.v2/web',
  'events -o wide',
);
