// Go's fmt.Sprintf for the verbs templates use: %s %d %v %q %f %x %t %%, with width and
// precision; a missing argument prints %!v(MISSING) as Go does.

import { goSprint } from '../printers/go-values';

function pad(text: string, width: number | undefined, left: boolean, zero: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (left) return text.padEnd(width);
  return zero ? text.padStart(width, '0') : text.padStart(width);
}

export function sprintf(format: string, args: unknown[]): string {
  let next = 0;
  return format.replace(/%([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (whole, flagText: string, widthText?: string, precisionText?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const value = args[next++];
    const width = widthText ? Number(widthText) : undefined;
    const precision = precisionText ? Number(precisionText) : undefined;
    const left = flagText.includes('-');
    const zero = flagText.includes('0');
    let body: string;
    switch (verb) {
      case 'd':
        body = typeof value === 'number' ? String(Math.trunc(value)) : `%!d(${typeof value}=${goSprint(value)})`;
        break;
      case 'f':
        body = typeof value === 'number' ? value.toFixed(precision ?? 6) : `%!f(${typeof value}=${goSprint(value)})`;
        break;
      case 'q':
        body = JSON.stringify(goSprint(value));
        break;
      case 'x':
        body = typeof value === 'number' ? value.toString(16) : [...new TextEncoder().encode(goSprint(value))].map((b) => b.toString(16).padStart(2, '0')).join('');
        break;
      case 't':
        body = typeof value === 'boolean' ? String(value) : `%!t(${typeof value}=${goSprint(value)})`;
        break;
      default:
        body = goSprint(value);
        if (precision !== undefined && verb === 's') body = body.slice(0, precision);
    }
    return whole.length > 0 ? pad(body, width, left, zero) : body;
  });
}
