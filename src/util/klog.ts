// klog's line header, as Kubernetes programs write it: severity letter, month and day, wall
// time to the microsecond, a thread id, then `file.go:line] `. The real kubectl writes its own
// in the viewer's local time; the control-plane components in their containers write UTC.
// kubetab has no threads, so the id is 1. Upstream: k8s.io/klog/v2 (formatHeader).

export type KlogSeverity = 'I' | 'W' | 'E' | 'F';

/** `E1123 17:17:49.462232       1 run.go:72] ` for a line logged at `at` from `source`. */
export function klogHeader(severity: KlogSeverity, at: number, source: string, zone: 'local' | 'utc' = 'local'): string {
  const d = new Date(at);
  const utc = zone === 'utc';
  const two = (n: number) => String(n).padStart(2, '0');
  const month = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const time = utc ? [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()] : [d.getHours(), d.getMinutes(), d.getSeconds()];
  const micros = String((utc ? d.getUTCMilliseconds() : d.getMilliseconds()) * 1000).padStart(6, '0');
  return `${severity}${two(month + 1)}${two(day)} ${time.map(two).join(':')}.${micros}${'1'.padStart(8)} ${source}] `;
}
