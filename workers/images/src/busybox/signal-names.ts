// Linux's signal names as busybox knows them (x86 numbering, glibc's real-time range), for
// kill and trap: names with or without `SIG`, any case, or numbers.

const NAMES: string[] = [
  "EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM",
  "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS",
];

export const SIGRTMIN: i32 = 34;
export const SIGRTMAX: i32 = 64;

/** A signal's number from `TERM`, `sigterm`, `SIGTERM`, `IO` or `15`; 0 is EXIT; -1 when unknown. */
export function signalByName(text: string): i32 {
  if (isNumber(text)) return I32.parseInt(text) <= SIGRTMAX ? I32.parseInt(text) : -1;
  const upper = text.toUpperCase();
  const bare = upper.startsWith("SIG") ? upper.substring(3) : upper;
  if (bare == "IO") return 29;
  if (bare == "IOT") return 6;
  if (bare == "RTMIN") return SIGRTMIN;
  if (bare == "RTMAX") return SIGRTMAX;
  for (let i = 0; i < NAMES.length; i++) if (NAMES[i] == bare) return i;
  return -1;
}

/** The name without `SIG` (`TERM`), or the number itself for those without one. */
export function signalName(signal: i32): string {
  if (signal >= 0 && signal < NAMES.length) return NAMES[signal];
  if (signal == SIGRTMIN) return "RTMIN";
  if (signal == SIGRTMAX) return "RTMAX";
  return signal.toString();
}

/** `kill -l`: ` 1) HUP` … `31) SYS`, then the real-time bounds. */
export function signalTable(): string {
  let out = "";
  for (let i = 1; i < NAMES.length; i++) out += i.toString().padStart(2, " ") + ") " + NAMES[i] + "\n";
  out += SIGRTMIN.toString() + ") RTMIN\n" + SIGRTMAX.toString() + ") RTMAX\n";
  return out;
}

function isNumber(text: string): bool {
  if (text.length == 0 || text.length > 9) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
