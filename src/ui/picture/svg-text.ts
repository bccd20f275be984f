// Text in the picture's SVG, always set as text (never markup) and shortened with an ellipsis
// to fit the room it has. Measuring forces a layout, so results are remembered.

import { CLUSTER_NAME } from '../../cluster/topology';

export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const MONO = 'ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

/** Fitted texts by element class, font size, width and text: measuring forces a layout. */
const fitted = new Map<string, string>();
const FITTED_LIMIT = 5000;

/** Sets `text` as the element's text, shortened with an ellipsis to fit `maxWidth`. */
export function fitText(element: SVGTextElement, text: string, maxWidth: number): void {
  const key = `${element.getAttribute('class')}|${element.getAttribute('font-size')}|${Math.round(maxWidth)}|${text}`;
  const known = fitted.get(key);
  if (known !== undefined) {
    element.textContent = known;
    return;
  }
  element.textContent = text;
  if (maxWidth > 0 && element.getComputedTextLength() > maxWidth) {
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      element.textContent = `${text.slice(0, mid)}…`;
      if (element.getComputedTextLength() <= maxWidth) low = mid;
      else high = mid - 1;
    }
    element.textContent = `${text.slice(0, low)}…`;
  }
  if (fitted.size >= FITTED_LIMIT) fitted.clear();
  fitted.set(key, element.textContent ?? text);
}

/** A node's name, or when it does not fit, what tells it apart: `kubetab-worker2` → `…worker2`. */
export function fitNodeName(element: SVGTextElement, name: string, maxWidth: number): void {
  element.textContent = name;
  if (element.getComputedTextLength() <= maxWidth) return;
  const prefix = `${CLUSTER_NAME}-`;
  fitText(element, name.startsWith(prefix) ? `…${name.slice(prefix.length)}` : name, maxWidth);
}
