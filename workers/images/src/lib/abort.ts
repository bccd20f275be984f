// What an AssemblyScript abort (a failed assertion, an out-of-range index, an explicit abort())
// does in an image: print the message to stderr and exit 134, as a C program's abort() would.

import { fd_write, proc_exit } from "./wasi";

/** abortHandler replaces the global abort (asc --use abort=lib/abort/abortHandler). */
export function abortHandler(message: string | null = null, fileName: string | null = null, line: u32 = 0, column: u32 = 0): void {
  let text = "abort: " + (message !== null ? message : "unknown error");
  if (fileName !== null) text += " at " + fileName + ":" + line.toString() + ":" + column.toString();
  const bytes = String.UTF8.encode(text + "\n");
  const iov = memory.data(16);
  store<u32>(iov, changetype<usize>(bytes));
  store<u32>(iov, bytes.byteLength, 4);
  fd_write(2, iov, 1, iov + 8);
  proc_exit(134);
}
