// nginx, as the official image runs it: /docker-entrypoint.sh prints its configuration steps
// and starts `nginx -g 'daemon off;'`, which logs its notices, listens on the configured port
// (80) and serves /usr/share/nginx/html until SIGTERM, SIGINT or SIGQUIT (its STOPSIGNAL).
// Without `-g 'daemon off;'` nginx daemonizes: the foreground process exits 0 at once, which is
// why a container started as plain `nginx` completes and restarts. The master keeps its PID in
// /run/nginx.pid while it runs, which is where `nginx -s reload|stop|quit|reopen` (run with
// kubectl exec) finds the process to signal.

import { print, printErr } from "../lib/io";
import { HttpServer } from "../lib/http-server";
import { readFile, removeFile, writeFile } from "../lib/fs";
import { args, basename, exit, getenv } from "../lib/process";
import { ownPid, signalProcess } from "../lib/processes";
import { handleSignal, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1 } from "../lib/signals";
import { isDigits } from "../lib/text";
import { errnoMessage } from "../lib/wasi";
import { CONFIG_FILE, loadConfig } from "./config";
import { errorLog, MASTER, notice, startupNotices } from "./log";
import { StaticSite } from "./static";

const DEFAULT_VERSION = "1.27.3";
const PID_FILE = "/run/nginx.pid";

function version(): string {
  const fromImage = getenv("NGINX_VERSION");
  return fromImage.length > 0 ? fromImage : DEFAULT_VERSION;
}

/** 1.19 introduced the entrypoint's configuration scripts and logging at notice level. */
function modernImage(v: string): bool {
  const parts = v.split(".");
  if (parts.length < 2) return true;
  const major = I32.parseInt(parts[0]);
  const minor = I32.parseInt(parts[1]);
  return major > 1 || (major == 1 && minor >= 19);
}

function entrypointLines(): void {
  if (getenv("NGINX_ENTRYPOINT_QUIET_LOGS").length > 0) return;
  const me = "/docker-entrypoint.sh";
  print(me + ": /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n");
  print(me + ": Looking for shell scripts in /docker-entrypoint.d/\n");
  print(me + ": Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n");
  print("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n");
  print("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n");
  print(me + ": Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n");
  print(me + ": Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n");
  print(me + ": Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n");
  print(me + ": Configuration complete; ready for start up\n");
}

function usage(v: string): void {
  printErr("nginx version: nginx/" + v + "\nUsage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n");
}

function runNginx(argv: string[], v: string): i32 {
  let foreground = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg == "-v") {
      printErr("nginx version: nginx/" + v + "\n");
      return 0;
    }
    if (arg == "-V") {
      printErr("nginx version: nginx/" + v + "\nbuilt by gcc 12.2.0 (Debian 12.2.0-14) \nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\n");
      return 0;
    }
    if (arg == "-t" || arg == "-T") {
      printErr("nginx: the configuration file " + CONFIG_FILE + " syntax is ok\nnginx: configuration file " + CONFIG_FILE + " test is successful\n");
      return 0;
    }
    if (arg == "-h" || arg == "-?") {
      usage(v);
      return 0;
    }
    if (arg == "-s") {
      if (i + 1 >= argv.length) {
        printErr("nginx: option \"-s\" requires parameter\n");
        return 1;
      }
      return signalMaster(argv[i + 1]);
    }
    if (arg == "-g" || arg == "-c" || arg == "-p" || arg == "-e") {
      if (arg == "-g" && i + 1 < argv.length && argv[i + 1].replaceAll(" ", "").includes("daemonoff;")) foreground = true;
      i++;
      continue;
    }
    if (arg != "-q") {
      printErr("nginx: invalid option: \"" + arg + "\"\n");
      return 1;
    }
  }
  const config = loadConfig();
  const site = new StaticSite(config, v);
  const server = new HttpServer(site);
  handleSignal(SIGTERM);
  handleSignal(SIGINT);
  handleSignal(SIGQUIT);
  handleSignal(SIGHUP);
  handleSignal(SIGUSR1);
  const code = server.listen(config.port);
  if (code != 0) {
    errorLog("emerg", MASTER, "bind() to 0.0.0.0:" + config.port.toString() + " failed (" + (code == 3 ? "98: Address already in use" : code.toString() + ": " + errnoMessage(u16(code))) + ")");
    return 1;
  }
  if (foreground) writeFile(PID_FILE, String.UTF8.encode(ownPid().toString() + "\n"));
  if (modernImage(v)) startupNotices(v);
  if (!foreground) return 0;
  server.serve();
  removeFile(PID_FILE);
  return 0;
}

/** The signal `nginx -s NAME` sends, or 0 for a name nginx does not know. */
function signalNamed(name: string): i32 {
  if (name == "stop") return SIGTERM;
  if (name == "quit") return SIGQUIT;
  if (name == "reopen") return SIGUSR1;
  if (name == "reload") return SIGHUP;
  return 0;
}

/** `nginx -s NAME`: sends the master whose PID /run/nginx.pid holds the signal for NAME. */
function signalMaster(name: string): i32 {
  const signal = signalNamed(name);
  if (signal == 0) {
    printErr("nginx: invalid option: \"-s " + name + "\"\n");
    return 1;
  }
  const text = readFile(PID_FILE);
  if (text === null) {
    printErr("nginx: [error] open() \"" + PID_FILE + "\" failed (2: No such file or directory)\n");
    return 1;
  }
  const digits = text.trim();
  if (!isDigits(digits)) {
    printErr("nginx: [error] invalid PID number \"" + digits + "\" in \"" + PID_FILE + "\"\n");
    return 1;
  }
  const me = ownPid().toString() + "#" + ownPid().toString();
  notice("signal process started", me);
  if (signalProcess(I32.parseInt(digits), signal) != 0) errorLog("alert", me, "kill(" + digits + ", " + signal.toString() + ") failed (3: No such process)");
  return 0;
}

function main(): i32 {
  const argv = args();
  const v = version();
  const name = argv.length > 0 ? basename(argv[0]) : "nginx";
  if (name == "docker-entrypoint.sh") {
    const command = argv.slice(1);
    if (command.length == 0 || (basename(command[0]) != "nginx" && basename(command[0]) != "nginx-debug")) {
      printErr("/docker-entrypoint.sh: exec: " + (command.length > 0 ? command[0] : "") + ": this image's entrypoint can only start nginx\n");
      return 126;
    }
    if (modernImage(v)) entrypointLines();
    return runNginx(command, v);
  }
  return runNginx(argv, v);
}

exit(main());
