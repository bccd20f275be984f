// Text in the picture's SVG, always set as text (never markup) and shortened with an ellipsis
// to fit the room it has (measured off the page, see text-width).

import { CLUSTER_NAME } from '../../cluster/topology';
import { textWidth } from './text-width';

export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const MONO = 'ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

/** `text`, or its longest start with an ellipsis that fits `maxWidth` in `element`'s font. */
function fittedText(element: SVGTextElement, text: string, maxWidth: number): string {
  if (maxWidth <= 0 || textWidth(element, text) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(element, `${text.slice(0, mid)}…`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** Sets `text` as the element's text, shortened with an ellipsis to fit `maxWidth`. */
export function fitText(element: SVGTextElement, text: string, maxWidth: number): void {
  element.textContent = fittedText(element, text, maxWidth);
}

/** A node's name, or when it does not fit, what tells it apart: `kubetab-worker2` → `…worker2`. */
export function fitNodeName(element: SVGTextElement, name: string, maxWidth: number): void {
  const prefix = `${CLUSTER_NAME}-`;
  const fits = textWidth(element, name) <= maxWidth || !name.startsWith(prefix);
  fitText(element, fits ? name : `…${name.slice(prefix.length)}`, maxWidth);
}
