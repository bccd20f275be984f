// The namespace controller: once a namespace is terminating, it deletes everything in it,
// reports what is left in the namespace's conditions, and when nothing is left clears the
// `kubernetes` finalizer through namespaces/{name}/finalize, which lets the namespace go.
// Upstream: pkg/controller/namespace/namespace_controller.go and
// deletion/namespaced_resources_deleter.go.

import type { Namespace } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource, qualifiedResource, resourcePath, RESOURCES, type ResourceType } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import type { Informer } from '../../client/informer';
import { Controller, type ReconcileResult } from '../controller';
import type { SharedInformers } from '../shared/shared-informers';
import { deletionConditions, type DeletionProgress } from './namespace-conditions';

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
/** How soon a namespace whose content is still going away is looked at again. */
const RECHECK_MS = 1000;

function deletable(type: ResourceType): boolean {
  return type.namespaced && type.verbs.includes('list') && type.verbs.includes('delete') && type.resource !== 'bindings';
}

export class NamespaceController {
  private readonly namespaces: Informer<Namespace>;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.namespaces = informers.for<Namespace>(NAMESPACES);
    this.controller = new Controller('namespace', clock, (name) => this.sync(name), 2);
    const enqueue = (ns: Namespace) => {
      if (ns.metadata.deletionTimestamp) this.controller.enqueue(ns.metadata.name ?? '');
    };
    this.namespaces.addHandlers({ onAdd: enqueue, onUpdate: (_old, ns) => enqueue(ns) });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private async sync(name: string): Promise<ReconcileResult> {
    const ns = this.namespaces.get(name);
    if (!ns?.metadata.deletionTimestamp) return;
    if (!(ns.spec?.finalizers ?? []).includes('kubernetes')) return;
    const progress = await this.deleteContent(name);
    const conditions = deletionConditions(ns.status?.conditions, progress, this.clock.timestamp());
    if (!jsonEqual(ns.status?.conditions, conditions)) {
      try {
        await this.client.updateStatus(NAMESPACES, { ...ns, metadata: { ...ns.metadata, resourceVersion: undefined }, status: { ...ns.status, phase: 'Terminating', conditions } });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    if (progress.remaining.length > 0 || progress.failures.length > 0) return { requeueAfterMs: RECHECK_MS };
    await this.finalize(ns);
  }

  /** Deletes what is left in the namespace; reports what remains. */
  private async deleteContent(namespace: string): Promise<DeletionProgress> {
    const progress: DeletionProgress = { remaining: [], finalizers: [], failures: [] };
    const finalizerCounts = new Map<string, number>();
    for (const type of RESOURCES.filter(deletable)) {
      let items: KubeObject[];
      try {
        items = (await this.client.list(type, namespace)).items;
      } catch (error) {
        progress.failures.push(`${qualifiedResource(type)}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (items.length === 0) continue;
      progress.remaining.push(`${qualifiedResource(type)} has ${items.length} resource instances`);
      for (const item of items) {
        for (const finalizer of item.metadata.finalizers ?? []) finalizerCounts.set(finalizer, (finalizerCounts.get(finalizer) ?? 0) + 1);
        if (item.metadata.deletionTimestamp) continue;
        try {
          await this.client.delete(type, namespace, item.metadata.name ?? '', { propagationPolicy: 'Background' });
        } catch (error) {
          if (!isNotFound(error)) progress.failures.push(`${qualifiedResource(type)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    progress.remaining.sort();
    for (const [finalizer, count] of [...finalizerCounts].sort()) progress.finalizers.push(`${finalizer} in ${count} resource instances`);
    return progress;
  }

  private async finalize(ns: Namespace): Promise<void> {
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes');
    try {
      await this.client.send({
        method: 'PUT',
        path: resourcePath(NAMESPACES, undefined, ns.metadata.name, 'finalize'),
        body: { ...ns, metadata: { ...ns.metadata, resourceVersion: undefined }, spec: { ...ns.spec, finalizers } },
        headers: { 'content-type': 'application/json' },
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
