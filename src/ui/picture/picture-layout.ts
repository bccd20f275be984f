// Where everything goes in the picture, as a pure function of the pane size, the nodes and the
// pods: a lane across the top for pods no node has taken yet, then node boxes in the grid that
// fits their pods best, each with its pods as chips (name and status) or, when space runs
// short, as small squares, and a "+N" for what still does not fit.

import type { NodeState } from '../../cluster/node-pool';
import type { NodeLook } from './node-look';
import type { PodLook } from './pod-look';

export interface PodMark {
  /** The pod's uid: the same pod keeps its mark when it moves from the lane to a node. */
  key: string;
  name: string;
  namespace: string;
  nodeName?: string;
  podIP?: string;
  createdAt: string;
  look: PodLook;
}

export interface NodeMark {
  look: NodeLook;
  /** What the node pool says the node's machine is doing; undefined for the control plane. */
  host?: NodeState;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Chips show name and status, then the name only, then just a coloured square as room runs out. */
export type ChipKind = 'full' | 'slim' | 'square';

export interface PlacedPod extends Rect {
  pod: PodMark;
  kind: ChipKind;
}

/** Where "+N" stands in for the pods that did not fit in a box. */
export interface Overflow extends Rect {
  count: number;
}

export interface PlacedNode extends Rect {
  node: NodeMark;
  podCount: number;
  overflow?: Overflow;
}

export interface PictureLayout {
  lane: Rect & { podCount: number; overflow?: Overflow };
  nodes: PlacedNode[];
  pods: PlacedPod[];
  scale: number;
}

const PAD = 12;
const GAP = 12;
const LANE_HEADER = 24;
const NODE_HEADER = 48;
const INNER = 10;
const CHIP_GAP = 6;
const CHIP = { width: 132, maxWidth: 230, height: 34 };
const SLIM_HEIGHT = 22;
const SQUARE = 16;
const MIN_BOX = { width: 150, height: 80 };
const PREFERRED_ASPECT = 1.5;

interface ChipSize {
  width: number;
  height: number;
  kind: ChipKind;
}

interface Grid {
  columns: number;
  rows: number;
  box: { width: number; height: number };
  chip: ChipSize;
  capacity: number;
}

export function layoutPicture(width: number, height: number, scale: number, nodes: NodeMark[], pods: PodMark[]): PictureLayout {
  const s = scale;
  const nodeNames = new Set(nodes.map((n) => n.look.name));
  const byNode = new Map<string, PodMark[]>(nodes.map((n) => [n.look.name, []]));
  const unplaced: PodMark[] = [];
  for (const pod of [...pods].sort(comparePods)) {
    if (pod.nodeName && nodeNames.has(pod.nodeName)) byNode.get(pod.nodeName)!.push(pod);
    else unplaced.push(pod);
  }

  const sizes: ChipSize[] = [
    { width: CHIP.width * s, height: CHIP.height * s, kind: 'full' },
    { width: CHIP.width * s, height: SLIM_HEIGHT * s, kind: 'slim' },
    { width: SQUARE * s, height: SQUARE * s, kind: 'square' },
  ];
  const laneInner = width - 2 * PAD - 2 * INNER * s;
  const laneChip = perRow(laneInner, sizes[0]) * 2 >= unplaced.length ? sizes[0] : sizes[2];
  const laneRows = Math.min(2, Math.ceil(unplaced.length / perRow(laneInner, laneChip)));
  const laneHeight = laneRows === 0 ? LANE_HEADER * s + 6 : LANE_HEADER * s + laneRows * (laneChip.height + CHIP_GAP * s) + INNER * s - CHIP_GAP * s + 4;
  const placedPods: PlacedPod[] = [];
  const laneOverflow = placeChips(unplaced, { x: PAD + INNER * s, y: PAD + LANE_HEADER * s, width: laneInner, height: laneRows * (laneChip.height + CHIP_GAP * s) }, laneChip, s, placedPods);
  const lane = { x: PAD, y: PAD, width: width - 2 * PAD, height: laneHeight, podCount: unplaced.length, overflow: laneOverflow };

  const area = { x: PAD, y: lane.y + lane.height + GAP, width: width - 2 * PAD, height: height - (lane.y + lane.height + GAP) - PAD };
  const most = Math.max(0, ...[...byNode.values()].map((list) => list.length));
  const grid = chooseGrid(nodes.length, area, most, s, sizes);
  const placedNodes = nodes.map((node, index): PlacedNode => {
    const column = index % grid.columns;
    const row = Math.floor(index / grid.columns);
    const box = { x: area.x + column * (grid.box.width + GAP), y: area.y + row * (grid.box.height + GAP), width: grid.box.width, height: grid.box.height };
    const list = byNode.get(node.look.name) ?? [];
    const inner = { x: box.x + INNER * s, y: box.y + NODE_HEADER * s, width: box.width - 2 * INNER * s, height: box.height - NODE_HEADER * s - INNER * s };
    const overflow = placeChips(list, inner, grid.chip, s, placedPods);
    return { ...box, node, podCount: list.length, overflow };
  });
  return { lane, nodes: placedNodes, pods: placedPods, scale: s };
}

function chooseGrid(count: number, area: Rect, most: number, s: number, sizes: ChipSize[]): Grid {
  let best: (Grid & { score: number }) | undefined;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.max(1, Math.ceil(count / columns));
    const box = { width: (area.width - (columns - 1) * GAP) / columns, height: (area.height - (rows - 1) * GAP) / rows };
    const tooSmall = box.width < MIN_BOX.width * s || box.height < MIN_BOX.height * s;
    for (const [rank, chip] of sizes.entries()) {
      const capacity = capacityOf(box, chip, s);
      const fits = capacity >= most;
      const aspect = Math.abs(Math.log(box.width / Math.max(1, box.height) / PREFERRED_ASPECT));
      const score = (tooSmall ? -1e6 : 0) + (fits ? 1e4 - aspect : capacity) - rank * 1e3;
      if (!best || score > best.score) best = { columns, rows, box, chip, capacity, score };
    }
  }
  return best!;
}

function capacityOf(box: { width: number; height: number }, chip: ChipSize, s: number): number {
  const rows = Math.floor((box.height - NODE_HEADER * s - INNER * s + CHIP_GAP * s) / (chip.height + CHIP_GAP * s));
  return Math.max(0, rows) * perRow(box.width - 2 * INNER * s, chip);
}

function perRow(innerWidth: number, chip: ChipSize): number {
  return Math.max(1, Math.floor((innerWidth + CHIP_GAP) / (chip.width + CHIP_GAP)));
}

/** Places chips row by row inside `area`; when some do not fit, the last slot shows how many. */
function placeChips(list: PodMark[], area: Rect, chip: ChipSize, s: number, out: PlacedPod[]): Overflow | undefined {
  const gap = CHIP_GAP * s;
  const columns = perRow(area.width, chip);
  const width = chip.kind === 'square' ? chip.width : Math.min(CHIP.maxWidth * s, (area.width - (columns - 1) * gap) / columns);
  const rows = Math.max(0, Math.floor((area.height + gap) / (chip.height + gap)));
  const room = columns * rows;
  const shown = list.length > room ? Math.max(0, room - 1) : list.length;
  const slot = (i: number): Rect => ({ x: area.x + (i % columns) * (width + gap), y: area.y + Math.floor(i / columns) * (chip.height + gap), width, height: chip.height });
  for (let i = 0; i < shown; i++) out.push({ pod: list[i], ...slot(i), kind: chip.kind });
  if (shown === list.length || room === 0) return undefined;
  return { ...slot(shown), width: chip.kind === 'square' ? chip.width * 2.5 : width, count: list.length - shown };
}

function comparePods(a: PodMark, b: PodMark): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.namespace === b.namespace ? a.name.localeCompare(b.name) : a.namespace.localeCompare(b.namespace);
}
