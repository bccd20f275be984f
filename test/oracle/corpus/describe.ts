// kubectl describe for every kind kubetab serves, by name, name prefix, selector and file.

import { lines } from './types';

export const DESCRIBE_CASES = lines(
  'describe pod web',
  'describe pods -l app=worker',
  'describe node kubetab-worker',
  'describe ns team-a',
  'describe svc web',
  'describe cm greeting',
  'describe secret token',
  'describe sa robot',
  'describe deploy api',
  'describe job once',
  'describe rs -l app=api',
  'describe node kubetab-control-plane',
  'describe svc kubernetes',
  'describe ep web',
  'describe endpointslices -l kubernetes.io/service-name=web',
  'describe lease -n kube-node-lease kubetab-worker',
  'describe pod nope',
  'describe cm gree',
  'describe pods wor',
  'describe cm,secret greeting',
  'describe cm,secret nope',
  'describe cm greeting nope',
  'describe cm gree nope',
  'describe cm/gree',
  'describe -f seed/pods.yaml',
  'describe -f bad-pod.yaml',
);
