// Saving a download into the shell's files (text when it decodes as UTF-8, bytes otherwise), and
// curl's progress meter for a finished transfer, as it prints one when saving with -o.

import type { VirtualFs } from '../../virtual-fs';

/** Writes `head` (curl -i) and `body` to `path`; false when the path is a directory. */
export function writeDownload(files: VirtualFs, path: string, head: string, body: Uint8Array): boolean {
  if (files.isDirectory(path)) return false;
  const headBytes = new TextEncoder().encode(head);
  const bytes = new Uint8Array(headBytes.length + body.length);
  bytes.set(headBytes);
  bytes.set(body, headBytes.length);
  try {
    files.write(path, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    files.writeBinary(path, bytes);
  }
  return true;
}

/** curl's five-character sizes: `  512`, `1200k`, `  12M`. */
function fiveChars(bytes: number): string {
  if (bytes < 100_000) return String(Math.round(bytes)).padStart(5);
  if (bytes < 10_000 * 1024) return `${Math.floor(bytes / 1024)}k`.padStart(5);
  return `${Math.floor(bytes / (1024 * 1024))}M`.padStart(5);
}

const UNKNOWN_TIME = '--:--:--';

/** `H:MM:SS` as curl prints a whole number of seconds, or dashes under a second. */
function clockTime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds === 0) return UNKNOWN_TIME;
  return `${Math.floor(seconds / 3600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`.padStart(8);
}

/** The meter after a complete download of `bytes` in `elapsedMs`. */
export function progressMeter(bytes: number, elapsedMs: number): string {
  const speed = (bytes * 1000) / Math.max(1, elapsedMs);
  const spent = clockTime(elapsedMs);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r100 ${fiveChars(bytes)}  100 ${fiveChars(bytes)}    0     0 ${fiveChars(speed)}      0 ${spent} ${spent} ${UNKNOWN_TIME} ${fiveChars(speed)}\n`
  );
}
