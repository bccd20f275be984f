// The scheduler cache's per-node figures, one slot per node in typed arrays: allocatable and
// requested resources (the non-zero requests scoring uses too) and how many taints a node has.
// Filtering and scoring a few hundred nodes per pod then reads contiguous memory instead of
// chasing objects. Slot i is the node at position i of the cache's node list. Upstream keeps
// the same figures on NodeInfo (pkg/scheduler/framework/types.go).

const INITIAL_CAPACITY = 64;

export class NodeTable {
  allocatableMilliCpu = new Float64Array(INITIAL_CAPACITY);
  allocatableMemory = new Float64Array(INITIAL_CAPACITY);
  allocatablePods = new Float64Array(INITIAL_CAPACITY);
  requestedMilliCpu = new Float64Array(INITIAL_CAPACITY);
  requestedMemory = new Float64Array(INITIAL_CAPACITY);
  requestedPods = new Float64Array(INITIAL_CAPACITY);
  nonZeroMilliCpu = new Float64Array(INITIAL_CAPACITY);
  nonZeroMemory = new Float64Array(INITIAL_CAPACITY);
  /** 1 when `spec.unschedulable` is set. */
  unschedulable = new Uint8Array(INITIAL_CAPACITY);
  /** NoSchedule and NoExecute taints, and PreferNoSchedule ones. */
  hardTaints = new Uint32Array(INITIAL_CAPACITY);
  softTaints = new Uint32Array(INITIAL_CAPACITY);
  /** How many slots have PreferNoSchedule taints. */
  softTaintedNodes = 0;

  /** Records a node's taint counts. */
  setTaints(slot: number, hard: number, soft: number): void {
    this.softTaintedNodes += (soft > 0 ? 1 : 0) - (this.softTaints[slot] > 0 ? 1 : 0);
    this.hardTaints[slot] = hard;
    this.softTaints[slot] = soft;
  }

  /** Makes room for slot `index`, zeroed. */
  ensure(index: number): void {
    if (index < this.allocatablePods.length) return;
    const capacity = Math.max(index + 1, this.allocatablePods.length * 2);
    this.allocatableMilliCpu = grown(this.allocatableMilliCpu, capacity);
    this.allocatableMemory = grown(this.allocatableMemory, capacity);
    this.allocatablePods = grown(this.allocatablePods, capacity);
    this.requestedMilliCpu = grown(this.requestedMilliCpu, capacity);
    this.requestedMemory = grown(this.requestedMemory, capacity);
    this.requestedPods = grown(this.requestedPods, capacity);
    this.nonZeroMilliCpu = grown(this.nonZeroMilliCpu, capacity);
    this.nonZeroMemory = grown(this.nonZeroMemory, capacity);
    this.unschedulable = grown(this.unschedulable, capacity);
    this.hardTaints = grown(this.hardTaints, capacity);
    this.softTaints = grown(this.softTaints, capacity);
  }

  /** Copies slot `from` over slot `to` and zeroes `from` (a swap-removal's last step). */
  move(from: number, to: number): void {
    this.setTaints(to, 0, 0);
    for (const column of this.columns()) {
      column[to] = column[from];
      column[from] = 0;
    }
  }

  /** Zeroes slot `index`. */
  clear(index: number): void {
    this.setTaints(index, 0, 0);
    for (const column of this.columns()) column[index] = 0;
  }

  private columns(): (Float64Array | Uint8Array | Uint32Array)[] {
    return [
      this.allocatableMilliCpu,
      this.allocatableMemory,
      this.allocatablePods,
      this.requestedMilliCpu,
      this.requestedMemory,
      this.requestedPods,
      this.nonZeroMilliCpu,
      this.nonZeroMemory,
      this.unschedulable,
      this.hardTaints,
      this.softTaints,
    ];
  }
}

function grown<T extends Float64Array | Uint8Array | Uint32Array>(column: T, capacity: number): T {
  const next = new (column.constructor as new (length: number) => T)(capacity);
  next.set(column);
  return next;
}
