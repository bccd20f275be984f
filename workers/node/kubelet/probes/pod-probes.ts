// The probes of one pod: a prober worker for each liveness, readiness and startup probe of its
// app containers and sidecars, started when the pod arrives and stopped when it is done.
// Readiness is probed right away once a container has started (as the kubelet does when it
// finds a started container not yet ready), so a ready server does not wait a whole period.
// Upstream: pkg/kubelet/prober/prober_manager.go.

import type { ContainerRecord } from '../container-record';
import type { ProbeType } from './probe-action';
import { ProbeWorker, type ProbeWorkerContext } from './probe-worker';

/** How long after a container starts the kubelet next looks at it (the PLEG relist period). */
export const RELIST_MS = 1000;

export class PodProbes {
  private readonly workers = new Map<ContainerRecord, Partial<Record<ProbeType, ProbeWorker>>>();

  constructor(
    records: readonly ContainerRecord[],
    private readonly context: ProbeWorkerContext,
  ) {
    for (const record of records) {
      if (record.kind === 'init') continue;
      const probes: Partial<Record<ProbeType, ProbeWorker>> = {};
      const { livenessProbe, readinessProbe, startupProbe } = record.spec;
      if (livenessProbe) probes.Liveness = new ProbeWorker('Liveness', livenessProbe, record, context);
      if (readinessProbe) probes.Readiness = new ProbeWorker('Readiness', readinessProbe, record, context);
      if (startupProbe) probes.Startup = new ProbeWorker('Startup', startupProbe, record, context);
      if (Object.keys(probes).length > 0) this.workers.set(record, probes);
    }
  }

  start(): void {
    for (const probes of this.workers.values()) for (const worker of Object.values(probes)) worker.start();
  }

  stop(): void {
    for (const probes of this.workers.values()) for (const worker of Object.values(probes)) worker.stop();
  }

  /** A container has started (or its startup probe succeeded): probe its readiness soon. */
  started(record: ContainerRecord): void {
    const readiness = this.workers.get(record)?.Readiness;
    if (readiness) this.context.clock.after(RELIST_MS, () => readiness.trigger());
  }
}
