// The page's entry point: mounts the app at once (so there is never a blank page), then boots
// the cluster (control plane restored from IndexedDB, worker nodes as Web Workers) behind it.

import { mount } from 'svelte';
import type { Cluster } from '../cluster/cluster';
import App from './App.svelte';
import { ClusterBoot } from './boot/cluster-boot.svelte';
import { loadCatalog } from './lessons/catalog';
import { LessonSession } from './lessons/lesson-session.svelte';
import { localProgressStorage } from './platform/local-progress-storage';
import './styles/app.css';
import type { ShellFactory } from './terminal/shell-link.svelte';
import { shellFactory } from './terminal/shell-factory';

function shellFor(cluster: Cluster): ShellFactory {
  return shellFactory(cluster);
}

const boot = new ClusterBoot();
const lessons = new LessonSession(loadCatalog(), localProgressStorage);
mount(App, { target: document.getElementById('app')!, props: { boot, lessons, shellFor } });
document.getElementById('boot-splash')?.remove();
void boot.start();
