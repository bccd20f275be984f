// Node entry of a container worker (a worker_threads worker): exposes the container worker
// API to the supervisor over the parent port with comlink's Node adapter.

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { ContainerWorker } from './guest/container-worker';

if (!parentPort) throw new Error('the container worker entry must run in a worker thread');
Comlink.expose(new ContainerWorker(), nodeEndpoint(parentPort));
