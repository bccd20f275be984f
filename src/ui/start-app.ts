// The app's start, loaded by the entry: boots the cluster on the storage claim and mounts the
// page at once, so the picture shows the cluster as its nodes register. The terminal's chunk
// loads once the cluster is up (App).

import { mount } from 'svelte';
import App from './App.svelte';
import { ClusterBoot } from './boot/cluster-boot.svelte';
import type { StorageClaim } from './boot/storage-claim';
import { loadCatalog } from './lessons/catalog';
import { LessonSession } from './lessons/lesson-session.svelte';
import { localProgressStorage } from './platform/local-progress-storage';
import './styles/app.css';

export function startApp(claim: StorageClaim): void {
  const boot = new ClusterBoot(claim.persistence);
  const lessons = new LessonSession(loadCatalog(), localProgressStorage);
  void boot.start(claim);
  const terminal = () => import('./terminal/terminal-module');
  mount(App, { target: document.getElementById('app')!, props: { boot, lessons, terminal } });
  document.getElementById('boot-splash')?.remove();
}
