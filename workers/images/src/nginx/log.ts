// nginx's error log (stderr) and access log (stdout) lines, and the notices it prints when it
// starts and stops. The master is PID 1 and its workers 29 and 30, as in a container.

import { printErr, print } from "../lib/io";
import { KERNEL_RELEASE } from "../lib/host";
import { CivilTime, formatCommonLogTime, formatLogTime } from "../lib/time";
import { signalName } from "../lib/signals";

export const MASTER = "1#1";
export const WORKERS: string[] = ["29#29", "30#30"];

export function errorLog(level: string, who: string, message: string): void {
  printErr(formatLogTime(CivilTime.now()) + " [" + level + "] " + who + ": " + message + "\n");
}

export function notice(message: string, who: string = MASTER): void {
  errorLog("notice", who, message);
}

export function startupNotices(version: string): void {
  notice("using the \"epoll\" event method");
  notice("nginx/" + version);
  notice("built by gcc 12.2.0 (Debian 12.2.0-14) ");
  notice("OS: Linux " + KERNEL_RELEASE);
  notice("getrlimit(RLIMIT_NOFILE): 1048576:1048576");
  notice("start worker processes");
  for (let i = 0; i < WORKERS.length; i++) notice("start worker process " + WORKERS[i].split("#")[0]);
}

/** What the master and workers log when a stop signal arrives. */
export function shutdownNotices(signal: i32, graceful: bool): void {
  notice("signal " + signal.toString() + " (" + signalName(signal) + ") received, " + (graceful ? "shutting down" : "exiting"));
  for (let i = 0; i < WORKERS.length; i++) {
    if (graceful) notice("gracefully shutting down", WORKERS[i]);
    notice("exiting", WORKERS[i]);
    notice("exit", WORKERS[i]);
  }
  for (let i = 0; i < WORKERS.length; i++) {
    const pid = WORKERS[i].split("#")[0];
    notice("signal 17 (SIGCHLD) received from " + pid);
    notice("worker process " + pid + " exited with code 0");
  }
  notice("exit");
}

/** One line of the `combined` access log format (the image's `main` format). */
export function accessLog(remote: string, request: string, status: i32, bytes: i32, referer: string, agent: string, forwarded: string): void {
  const ip = remote.lastIndexOf(":") > 0 ? remote.substring(0, remote.lastIndexOf(":")) : remote;
  print((ip.length > 0 ? ip : "-") + " - - [" + formatCommonLogTime(CivilTime.now()) + "] \"" + request + "\" " + status.toString() + " " +
    bytes.toString() + " \"" + (referer.length > 0 ? referer : "-") + "\" \"" + (agent.length > 0 ? agent : "-") + "\" \"" +
    (forwarded.length > 0 ? forwarded : "-") + "\"\n");
}
