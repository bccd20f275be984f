// Keeps a step's checks evaluated against live cluster state: one informer (list, then watch
// from that resourceVersion, re-list when the watch ends) per resource and namespace the
// checks name, and a fresh evaluation after every change. Results go to a listener, so the UI
// turns a check green on its own when the cluster reaches the state it asks for.

import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import type { ApiClient } from '../client/client';
import { Informer } from '../client/informer';
import type { ClusterClock } from '../cluster/clock';
import { evaluateCheck } from './check-evaluator';
import type { Check } from './lesson-types';

export type CheckState = 'waiting' | 'passed' | 'failed';

export interface CheckStatus {
  state: CheckState;
  /** What the cluster shows now; empty while waiting for the first list. */
  detail: string;
}

export class CheckWatcher {
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private evaluationQueued = false;
  private stopped = false;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly checks: readonly Check[],
    private readonly onChange: (statuses: CheckStatus[]) => void,
  ) {}

  /** Starts watching; the listener hears the first evaluation once every informer has listed. */
  start(): void {
    for (const check of this.checks) {
      const key = informerKey(check);
      if (this.informers.has(key)) continue;
      const type = findResource(check.group, 'v1', check.resource);
      if (!type) throw new Error(`unknown resource ${check.resource}`);
      const informer = new Informer<KubeObject>(this.client, type, this.clock, { namespace: check.namespace });
      const changed = () => this.queueEvaluation();
      informer.addHandlers({ onAdd: changed, onUpdate: changed, onDelete: changed });
      this.informers.set(key, informer);
      informer.start();
      void informer.waitForSync().then(changed);
    }
    this.onChange(this.checks.map(() => ({ state: 'waiting', detail: '' })));
    this.queueEvaluation();
  }

  stop(): void {
    this.stopped = true;
    for (const informer of this.informers.values()) informer.stop();
    this.informers.clear();
  }

  /** The current statuses, evaluated now. */
  evaluate(): CheckStatus[] {
    return this.checks.map((check) => {
      const informer = this.informers.get(informerKey(check));
      if (!informer?.hasSynced) return { state: 'waiting', detail: '' };
      const outcome = evaluateCheck(check, informer.list());
      return { state: outcome.passed ? 'passed' : 'failed', detail: outcome.detail };
    });
  }

  private queueEvaluation(): void {
    if (this.evaluationQueued) return;
    this.evaluationQueued = true;
    queueMicrotask(() => {
      this.evaluationQueued = false;
      if (!this.stopped) this.onChange(this.evaluate());
    });
  }
}

function informerKey(check: Check): string {
  return `${check.group}/${check.resource}/${check.namespace ?? ''}`;
}
