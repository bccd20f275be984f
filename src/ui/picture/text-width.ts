// Text widths for the picture's SVG labels, measured on a canvas in the font the label's own
// attributes declare (family, size, weight): the glyphs the SVG draws, without the layout of
// the whole page that asking the element (getComputedTextLength) forces on every call.

let context: CanvasRenderingContext2D | null | undefined;

function canvasContext(): CanvasRenderingContext2D | null {
  context ??= document.createElement('canvas').getContext('2d');
  return context;
}

/** How wide `text` is in `element`'s font, in SVG user units. */
export function textWidth(element: SVGTextElement, text: string): number {
  const canvas = canvasContext();
  if (!canvas) {
    element.textContent = text;
    return element.getComputedTextLength();
  }
  const font = `${element.getAttribute('font-weight') ?? 'normal'} ${element.getAttribute('font-size') ?? 16}px ${element.getAttribute('font-family') ?? 'sans-serif'}`;
  if (canvas.font !== font) canvas.font = font;
  return canvas.measureText(text).width;
}
