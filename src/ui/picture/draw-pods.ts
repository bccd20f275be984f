// The pod chips of the picture, keyed by uid so that a pod glides from the pending lane into its
// node when it is scheduled: a chip grows in when a pod appears, takes its status colour, moves
// with the layout, and shrinks away when the pod is gone. Hover or focus reports the chip.

import { easeCubicOut } from 'd3-ease';
import type { Selection } from 'd3-selection';
import 'd3-transition';
import type { PictureLayout, PlacedPod } from './picture-layout';
import { CATEGORY_STYLES } from './pod-look';
import { fitText, MONO, SANS } from './svg-text';

export interface PodPointer {
  /** Called when a chip is hovered or focused (with its screen box), and with undefined when left. */
  onPodFocus(pod: PlacedPod | undefined, anchor?: DOMRect): void;
}

export function drawPods(group: Selection<SVGGElement, unknown, null, undefined>, layout: PictureLayout, duration: number, pointer: PodPointer): void {
  const s = layout.scale;
  const chips = group
    .selectAll<SVGGElement, PlacedPod>('g.pod')
    .data(layout.pods, (d) => d.pod.key)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('class', 'pod')
          .attr('tabindex', 0)
          .attr('role', 'img')
          .attr('opacity', 0)
          .attr('transform', (d) => `translate(${d.x + d.width * 0.2},${d.y + d.height * 0.2}) scale(0.6)`);
        g.append('rect').attr('class', 'pod-chip').attr('stroke-width', 1.5);
        g.append('text').attr('class', 'pod-name').attr('font-family', MONO).attr('fill', '#f0f6fc');
        g.append('text').attr('class', 'pod-status').attr('font-family', SANS).attr('font-weight', 600);
        g.on('pointerenter focus', function (_event, d) {
          pointer.onPodFocus(d, (this as SVGGElement).getBoundingClientRect());
        }).on('pointerleave blur', () => pointer.onPodFocus(undefined));
        return g;
      },
      (update) => update,
      (exit) =>
        exit
          .attr('tabindex', null)
          .transition()
          .duration(duration)
          .attr('opacity', 0)
          .attr('transform', (d) => `translate(${d.x + d.width * 0.25},${d.y + d.height * 0.25}) scale(0.5)`)
          .remove(),
    );

  chips
    .attr('aria-label', (d) => podLabel(d))
    .attr('data-pod', (d) => `${d.pod.namespace}/${d.pod.name}`)
    .attr('data-status', (d) => d.pod.look.status)
    .transition()
    .duration(duration)
    .ease(easeCubicOut)
    .attr('opacity', (d) => (d.pod.look.category === 'terminating' ? 0.75 : 1))
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  chips
    .select('rect.pod-chip')
    .attr('rx', (d) => (d.kind === 'square' ? 3 : 6) * s)
    .attr('stroke-dasharray', (d) => (CATEGORY_STYLES[d.pod.look.category].dashed ? '4 3' : null))
    .transition()
    .duration(duration)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('fill', (d) => CATEGORY_STYLES[d.pod.look.category].fill)
    .attr('stroke', (d) => CATEGORY_STYLES[d.pod.look.category].color);
  chips
    .select<SVGTextElement>('text.pod-name')
    .attr('display', (d) => (d.kind === 'square' ? 'none' : null))
    .attr('x', 8 * s)
    .attr('y', (d) => (d.kind === 'slim' ? 15 : 14) * s)
    .attr('font-size', 12 * s)
    .each(function (d) {
      if (d.kind !== 'square') fitText(this, d.pod.name, d.width - 14 * s);
    });
  chips
    .select<SVGTextElement>('text.pod-status')
    .attr('display', (d) => (d.kind === 'full' ? null : 'none'))
    .attr('x', 8 * s)
    .attr('y', 28 * s)
    .attr('font-size', 11 * s)
    .attr('fill', (d) => CATEGORY_STYLES[d.pod.look.category].color)
    .each(function (d) {
      if (d.kind === 'full') fitText(this, `${d.pod.look.status}  ${d.pod.look.ready}/${d.pod.look.total}`, d.width - 14 * s);
    });
}

function podLabel(d: PlacedPod): string {
  const { pod } = d;
  const where = pod.nodeName ? `on node ${pod.nodeName}` : 'not scheduled';
  return `Pod ${pod.namespace}/${pod.name}: ${pod.look.status}, ${pod.look.ready}/${pod.look.total} ready, ${where}`;
}
