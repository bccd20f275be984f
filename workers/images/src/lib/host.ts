// What a program can learn about the machine it runs on: the pod's hostname and the kernel
// release every image reports (busybox's uname, nginx's startup lines).

import { readFile } from "./fs";
import { getenv } from "./process";

export const KERNEL_RELEASE = "6.8.0-kubetab";

/** The pod's hostname: /etc/hostname as the kubelet writes it, else $HOSTNAME, else `localhost`. */
export function hostname(): string {
  const file = readFile("/etc/hostname");
  if (file !== null && file.trim().length > 0) return file.trim();
  const env = getenv("HOSTNAME");
  return env.length > 0 ? env : "localhost";
}
