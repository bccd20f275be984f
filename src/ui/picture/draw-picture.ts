// Draws the picture's layout into its SVG with d3: the pending lane, the node boxes
// (draw-nodes), the pod chips (draw-pods) and the "+N more" marks, each in its own layer so
// chips move above the boxes. Every label is set as text.

import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import { drawNodes } from './draw-nodes';
import { drawPods, type PodPointer } from './draw-pods';
import type { Overflow, PictureLayout } from './picture-layout';
import { SANS } from './svg-text';

const DURATION = 450;

type Layer = Selection<SVGGElement, unknown, null, undefined>;

export function drawPicture(svg: SVGSVGElement, layout: PictureLayout, pointer: PodPointer): void {
  const root = select(svg);
  const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : DURATION;
  ensureDefs(svg);
  drawLane(layer(root, 'lane'), layout, duration);
  drawNodes(layer(root, 'nodes'), layout, duration);
  drawPods(layer(root, 'pods'), layout, duration, pointer);
  drawOverflow(layer(root, 'overflow'), layout, duration);
}

function layer(root: Selection<SVGSVGElement, unknown, null, undefined>, name: string): Layer {
  const existing = root.select<SVGGElement>(`g.layer-${name}`);
  return existing.empty() ? root.append('g').attr('class', `layer-${name}`) : existing;
}

function ensureDefs(svg: SVGSVGElement): void {
  if (svg.querySelector('#stopped-hatch')) return;
  const pattern = select(svg).append('defs').append('pattern').attr('id', 'stopped-hatch').attr('width', 10).attr('height', 10).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  pattern.append('rect').attr('width', 10).attr('height', 10).attr('fill', '#11151b');
  pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 10).attr('stroke', '#2a2f37').attr('stroke-width', 4);
}

function drawLane(group: Layer, layout: PictureLayout, duration: number): void {
  const { lane, scale: s } = layout;
  const box = group.selectAll<SVGRectElement, null>('rect.lane-box').data([null]).join('rect').attr('class', 'lane-box');
  box.attr('rx', 8).attr('fill', '#0f1318').attr('stroke', '#3d444d').attr('stroke-dasharray', '6 5');
  box.transition().duration(duration).attr('x', lane.x).attr('y', lane.y).attr('width', lane.width).attr('height', lane.height);
  group
    .selectAll<SVGTextElement, null>('text.lane-title')
    .data([null])
    .join('text')
    .attr('class', 'lane-title')
    .attr('x', lane.x + 10 * s)
    .attr('y', lane.y + 16 * s)
    .attr('fill', '#b1bac4')
    .attr('font-family', SANS)
    .attr('font-size', 12 * s)
    .attr('font-weight', 600)
    .text(`Pending: not scheduled yet${lane.podCount ? ` (${lane.podCount})` : ''}`);
  group
    .selectAll<SVGTextElement, boolean>('text.lane-empty')
    .data(lane.podCount === 0 ? [true] : [])
    .join('text')
    .attr('class', 'lane-empty')
    .attr('x', lane.x + lane.width - 10 * s)
    .attr('y', lane.y + 16 * s)
    .attr('text-anchor', 'end')
    .attr('fill', '#9da7b3')
    .attr('font-family', SANS)
    .attr('font-size', 12 * s)
    .text('No pods are waiting for a node');
}

function drawOverflow(group: Layer, layout: PictureLayout, duration: number): void {
  const s = layout.scale;
  const spots: (Overflow & { key: string })[] = [];
  if (layout.lane.overflow) spots.push({ ...layout.lane.overflow, key: 'lane' });
  for (const node of layout.nodes) if (node.overflow) spots.push({ ...node.overflow, key: node.node.look.name });
  group
    .selectAll<SVGTextElement, Overflow & { key: string }>('text.overflow')
    .data(spots, (d) => d.key)
    .join((enter) => enter.append('text').attr('class', 'overflow').attr('font-family', SANS).attr('fill', '#b1bac4').attr('font-weight', 600))
    .attr('font-size', 12 * s)
    .text((d) => `+${d.count} more`)
    .transition()
    .duration(duration)
    .attr('x', (d) => d.x + 4 * s)
    .attr('y', (d) => d.y + d.height / 2 + 4 * s);
}
