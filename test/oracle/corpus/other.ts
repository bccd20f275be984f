// Discovery, configuration, version and the smaller commands.

import { lines } from './types';

export const OTHER_CASES = lines(
  'api-resources',
  'api-resources --namespaced=false',
  'api-resources -o name',
  'api-resources --api-group=apps -o wide',
  'api-versions',
  'auth can-i create pods',
  'auth can-i list deployments.apps -n team-a',
  'config current-context',
  'top pods',
  'logs web -c nginx --tail=2',
  'logs worker',
  'logs worker -c side',
  'logs nope',
  'exec worker -c main -- echo hello',
  'exec worker -- sh -c "exit 3"',
  'exec web -- cat /nope',
  'cluster-info',
  'explain pods',
  'explain pods.spec.containers.ports',
  'explain deploy.spec --recursive',
  'explain svc.spec.type',
  'explain pods.spec.nope',
  'explain foo',
  'explain',
  'explain jobs.spec.template.spec.restartPolicy',
  'explain nodes.status',
);
