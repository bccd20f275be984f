// The page's entry point: starts the worker nodes' workers and the cluster boot first (so they
// load while the page renders) and mounts the app at once, so there is never a blank page. The
// terminal's chunk loads once the cluster is up (App).

import { mount } from 'svelte';
import App from './App.svelte';
import { webNodeHost } from '../cluster/hosts/web';
import { workerName } from '../cluster/topology';
import { ClusterBoot, WORKER_NODES } from './boot/cluster-boot.svelte';
import { loadCatalog } from './lessons/catalog';
import { LessonSession } from './lessons/lesson-session.svelte';
import { localProgressStorage } from './platform/local-progress-storage';
import './styles/app.css';

webNodeHost.prepare?.(Array.from({ length: WORKER_NODES }, (_, i) => workerName(i)));
const boot = new ClusterBoot();
const lessons = new LessonSession(loadCatalog(), localProgressStorage);
void boot.start();
const terminal = () => import('./terminal/terminal-module');
mount(App, { target: document.getElementById('app')!, props: { boot, lessons, terminal } });
document.getElementById('boot-splash')?.remove();
