// The page's entry point, kept small so it runs at once: it starts the nodes' workers and
// claims the stored cluster (both wait on the browser, which needs this thread free to answer),
// then loads the app (start-app), which boots the cluster and mounts the page.

import { webNodeHost } from '../cluster/hosts/web';
import { CONTROL_PLANE_NODE, workerName } from '../cluster/topology';
import { WORKER_NODES } from './boot/boot-settings';
import { claimStorage } from './boot/storage-claim';

webNodeHost.prepare?.([CONTROL_PLANE_NODE, ...Array.from({ length: WORKER_NODES }, (_, i) => workerName(i))]);
const claim = claimStorage();
void import('./start-app').then(({ startApp }) => startApp(claim));
