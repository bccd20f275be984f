// Browser entry of a container worker (a nested module Web Worker): exposes the container
// worker API to the supervisor with comlink.

import * as Comlink from 'comlink';
import { ContainerWorker } from './guest/container-worker';

Comlink.expose(new ContainerWorker());
