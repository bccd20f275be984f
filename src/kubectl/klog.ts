// klog's line header, as the real kubectl writes it on stderr: severity letter, month and day,
// wall time to the microsecond in the viewer's local time, a thread id, then `file.go:line] `.
// kubetab has no threads, so the id is 1. Upstream: k8s.io/klog/v2 (formatHeader).

export type KlogSeverity = 'I' | 'W' | 'E' | 'F';

/** `E1123 17:17:49.462232       1 run.go:72] ` for an error logged at `at` from `source`. */
export function klogHeader(severity: KlogSeverity, at: number, source: string): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getMilliseconds() * 1000).padStart(6, '0');
  return `${severity}${two(d.getMonth() + 1)}${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${micros}${'1'.padStart(8)} ${source}] `;
}
