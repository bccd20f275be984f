// The chaos controls behind each node's menu: what the node pool says each worker node is doing
// (running, stopped, partitioned), and the actions that change it. The control plane learns of
// these only through heartbeats, so the picture shows both: this state, and the Node's status.

import type { NodePool, NodeState } from '../../cluster/node-pool';

export type ChaosAction = 'stop' | 'start' | 'partition' | 'heal' | 'restart-kubelet';

export class NodeChaos {
  /** Pool state of each worker node (the control-plane node, which runs the control plane, has no chaos controls). */
  states = $state<Record<string, NodeState>>({});
  /** Nodes with an action under way. */
  busy = $state<Record<string, ChaosAction>>({});

  constructor(
    private readonly pool: NodePool,
    /** The worker nodes' names, which the chaos controls act on. */
    private readonly workerNames: () => string[],
    private readonly report: (problem: string) => void,
  ) {
    this.refresh();
  }

  /** Re-reads the pool (after nodes were added). */
  refresh(): void {
    const states: Record<string, NodeState> = {};
    for (const name of this.workerNames()) {
      const state = this.pool.state(name);
      if (state) states[name] = state;
    }
    this.states = states;
  }

  async perform(name: string, action: ChaosAction): Promise<void> {
    if (this.busy[name]) return;
    this.busy = { ...this.busy, [name]: action };
    try {
      if (action === 'stop') await this.pool.stop(name);
      else if (action === 'start') await this.pool.start(name);
      else if (action === 'partition') await this.pool.setPartitioned(name, true);
      else if (action === 'heal') await this.pool.setPartitioned(name, false);
      else await this.pool.restartKubelet(name);
    } catch (error) {
      this.report(`${ACTION_LABELS[action]} failed on ${name}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      const { [name]: _done, ...rest } = this.busy;
      this.busy = rest;
      this.refresh();
    }
  }
}

export const ACTION_LABELS: Record<ChaosAction, string> = {
  stop: 'Stop node',
  start: 'Start node',
  partition: 'Partition from control plane',
  heal: 'Heal partition',
  'restart-kubelet': 'Restart kubelet',
};

/** The actions that make sense for a node in `state`. */
export function actionsFor(state: NodeState): ChaosAction[] {
  if (state === 'stopped') return ['start'];
  if (state === 'partitioned') return ['heal', 'restart-kubelet', 'stop'];
  return ['stop', 'partition', 'restart-kubelet'];
}
