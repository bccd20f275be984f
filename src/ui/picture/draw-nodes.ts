// The node boxes of the picture: a box per node with its readiness dot, name and a status line
// (role or machine state, readiness, cordoned, pod count), a hatch over a stopped machine, and
// an outline that says when the control plane has lost touch with it.

import { easeCubicOut } from 'd3-ease';
import { select, type Selection } from 'd3-selection';
import 'd3-transition';
import type { NodeReadiness } from './node-look';
import type { PictureLayout, PlacedNode } from './picture-layout';
import { fitNodeName, fitText, SANS } from './svg-text';
import { textWidth } from './text-width';

const READINESS_COLORS: Record<NodeReadiness, string> = { Ready: '#3fb950', NotReady: '#ff7b72', Unknown: '#e3b341' };
const HOST_COLORS = { stopped: '#ff7b72', partitioned: '#ffa657' } as const;
/** Room kept at the right of a worker's name for its chaos menu button. */
const MENU_ROOM = 40;

export function drawNodes(group: Selection<SVGGElement, unknown, null, undefined>, layout: PictureLayout, duration: number): void {
  const s = layout.scale;
  const boxes = group
    .selectAll<SVGGElement, PlacedNode>('g.node')
    .data(layout.nodes, (d) => d.node.look.name)
    .join(
      (enter) => {
        const g = enter.append('g').attr('class', 'node').attr('opacity', 0).attr('transform', (d) => `translate(${d.x},${d.y})`);
        g.append('rect').attr('class', 'node-box').attr('rx', 10).attr('width', (d) => d.width).attr('height', (d) => d.height);
        g.append('rect').attr('class', 'node-hatch').attr('rx', 10).attr('fill', 'url(#stopped-hatch)');
        g.append('circle').attr('class', 'node-dot');
        g.append('text').attr('class', 'node-name').attr('font-family', SANS).attr('font-weight', 650).attr('fill', '#f0f6fc');
        g.append('text').attr('class', 'node-meta').attr('font-family', SANS).attr('fill', '#b1bac4');
        g.append('title');
        return g;
      },
      (update) => update,
      (exit) => exit.transition().duration(duration).attr('opacity', 0).remove(),
    );

  boxes
    .transition()
    .duration(duration)
    .ease(easeCubicOut)
    .attr('opacity', 1)
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  boxes.attr('data-node', (d) => d.node.look.name).attr('data-readiness', (d) => d.node.look.readiness);
  boxes.select('title').text((d) => `${d.node.look.name}: ${[d.node.look.readiness, ...(d.node.look.cordoned ? ['SchedulingDisabled'] : [])].join(',')}`);
  boxes
    .select('rect.node-box')
    .attr('fill', (d) => (d.node.look.controlPlane ? '#141a22' : '#161b22'))
    .attr('stroke', (d) => boxStroke(d).color)
    .attr('stroke-width', (d) => (boxStroke(d).dash ? 2 : 1))
    .attr('stroke-dasharray', (d) => boxStroke(d).dash)
    .transition()
    .duration(duration)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height);
  boxes
    .select('rect.node-hatch')
    .attr('display', (d) => (d.node.host === 'stopped' ? null : 'none'))
    .attr('opacity', 0.7)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height);
  boxes
    .select('circle.node-dot')
    .attr('cx', 16 * s)
    .attr('cy', 20 * s)
    .attr('r', 5 * s)
    .attr('fill', (d) => READINESS_COLORS[d.node.look.readiness]);
  boxes
    .select<SVGTextElement>('text.node-name')
    .attr('x', 28 * s)
    .attr('y', 25 * s)
    .attr('font-size', 14 * s)
    .each(function (d) {
      fitNodeName(this, d.node.look.name, d.width - 28 * s - (d.node.host ? MENU_ROOM : 10 * s));
    });
  boxes
    .select<SVGTextElement>('text.node-meta')
    .attr('x', 16 * s)
    .attr('y', 43 * s)
    .attr('font-size', 12 * s)
    .each(function (d) {
      writeNodeMeta(this, d, d.width - 24 * s);
    });
}

/** A node box's outline: plain when Ready, in the readiness colour otherwise, orange when cut off. */
function boxStroke(d: PlacedNode): { color: string; dash: string | null } {
  const { readiness } = d.node.look;
  if (readiness !== 'Ready') return { color: READINESS_COLORS[readiness], dash: '7 4' };
  if (d.node.host === 'partitioned') return { color: HOST_COLORS.partitioned, dash: '3 4' };
  return { color: '#3d444d', dash: null };
}

/**
 * "worker · Ready · cordoned · 3 pods", each part coloured by what it says; a stopped or
 * partitioned machine shows that in place of the role, since it matters more right then.
 */
function writeNodeMeta(text: SVGTextElement, d: PlacedNode, maxWidth: number): void {
  const look = d.node.look;
  const host = d.node.host;
  const parts: [string, string][] = [];
  if (host === 'stopped' || host === 'partitioned') parts.push([host, HOST_COLORS[host]]);
  else parts.push([look.roles.join(', ') || 'worker', '#b1bac4']);
  parts.push([look.readiness, READINESS_COLORS[look.readiness]]);
  if (look.cordoned) parts.push(['cordoned', '#e3b341']);
  parts.push([`${d.podCount} ${d.podCount === 1 ? 'pod' : 'pods'}`, '#b1bac4']);
  const label = (shown: [string, string][]) => shown.map((p) => p[0]).join(' · ');
  const write = (shown: [string, string][]) =>
    select(text)
      .selectAll<SVGTSpanElement, [string, string]>('tspan')
      .data(shown.flatMap((part, i): [string, string][] => (i === 0 ? [part] : [[' · ', '#6e7681'], part])))
      .join('tspan')
      .attr('fill', (p) => p[1])
      .text((p) => p[0]);
  if (textWidth(text, label(parts)) <= maxWidth) {
    write(parts);
    return;
  }
  const withoutRole = host === 'stopped' || host === 'partitioned' ? parts : parts.slice(1);
  if (textWidth(text, label(withoutRole)) <= maxWidth) {
    write(withoutRole);
    return;
  }
  select(text).selectAll('tspan').remove();
  fitText(text, label(withoutRole), maxWidth);
}
