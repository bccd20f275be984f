// What the oracle forgives when comparing the real kubectl with kubetab's: klog's time and
// process id on error lines, and, only when the raw texts differ, durations that each client
// measures against its own clock (AGE-like cells), with the column padding they change.

const KLOG_PREFIX = /^([EWIF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ /gm;
const DURATION = /(?<![\w./:-])(?:\d+(?:y|d|h|m|s))(?:\d+(?:d|h|m|s))?(?![\w./:-])|<invalid>/g;

export function normalizeKlog(text: string): string {
  return text.replace(KLOG_PREFIX, '$1<klog> ');
}

/** Replaces durations with `<age>` and, on the lines that had one, collapses column padding. */
export function normalizeAges(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const replaced = line.replace(DURATION, '<age>');
      return replaced === line ? line : replaced.replace(/ {2,}/g, '  ').trimEnd();
    })
    .join('\n');
}

/** Puts a twin object's name back to a placeholder, so both clients' outputs can be compared. */
export function unTwin(text: string, name: string, placeholder: string): string {
  return name === '' ? text : text.split(name).join(placeholder);
}
