// The picture's layout: unscheduled pods in the lane, the rest inside their node's box, chips
// shrinking (name and status, name only, squares) and finally "+N more" as pods outgrow the room.

import { describe, expect, it } from 'vitest';
import type { NodeLook } from './node-look';
import { layoutPicture, type NodeMark, type PictureLayout, type PodMark, type Rect } from './picture-layout';

function node(name: string): NodeMark {
  const look: NodeLook = { name, roles: [], readiness: 'Ready', cordoned: false, controlPlane: false };
  return { look, host: 'running' };
}

function pods(count: number, nodeName?: string, prefix = 'web'): PodMark[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}-${nodeName ?? 'none'}-${i}`,
    name: `${prefix}-${i}`,
    namespace: 'default',
    nodeName,
    createdAt: `2026-01-01T12:00:${String(i).padStart(2, '0')}Z`,
    look: { category: 'ready', status: 'Running', ready: 1, total: 1, restarts: 0 },
  }));
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
}

const workers = [node('kubetab-worker'), node('kubetab-worker2'), node('kubetab-worker3')];

function boxOf(layout: PictureLayout, name: string): Rect {
  return layout.nodes.find((n) => n.node.look.name === name)!;
}

describe('layoutPicture', () => {
  it('puts unscheduled pods in the lane and scheduled ones in their node box', () => {
    const layout = layoutPicture(900, 400, 1, workers, [...pods(2, 'kubetab-worker2'), ...pods(1, undefined, 'pending')]);
    expect(layout.lane.podCount).toBe(1);
    for (const placed of layout.pods) {
      const home = placed.pod.nodeName ? boxOf(layout, placed.pod.nodeName) : layout.lane;
      expect(inside(placed, home), placed.pod.key).toBe(true);
    }
    expect(layout.pods.every((p) => p.kind === 'full')).toBe(true);
  });

  it('keeps boxes apart and inside the pane', () => {
    const layout = layoutPicture(700, 500, 1, workers, []);
    for (const [i, a] of layout.nodes.entries()) {
      expect(inside(a, { x: 0, y: 0, width: 700, height: 500 })).toBe(true);
      for (const b of layout.nodes.slice(i + 1)) {
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    }
  });

  it('shrinks chips as a node fills up, then counts what does not fit', () => {
    const kinds = [2, 6, 30].map((count) => new Set(layoutPicture(900, 330, 1, workers, pods(count, 'kubetab-worker')).pods.map((p) => p.kind)));
    expect(kinds.map((set) => [...set])).toEqual([['full'], ['slim'], ['square']]);
    const crowded = layoutPicture(600, 260, 1, workers, pods(400, 'kubetab-worker'));
    const box = crowded.nodes.find((n) => n.node.look.name === 'kubetab-worker')!;
    expect(box.podCount).toBe(400);
    expect(box.overflow!.count + crowded.pods.length).toBe(400);
    expect(inside(box.overflow!, box)).toBe(true);
  });

  it('gives a pod the same key wherever it is, so its chip can move', () => {
    const [pending] = pods(1, undefined);
    const before = layoutPicture(900, 400, 1, workers, [pending]).pods[0];
    const after = layoutPicture(900, 400, 1, workers, [{ ...pending, nodeName: 'kubetab-worker3' }]).pods[0];
    expect(after.pod.key).toBe(before.pod.key);
    expect(after.y).toBeGreaterThan(before.y);
  });
});
