// agnhost, the Kubernetes e2e test image: one binary, subcommands chosen by the first argument.
// This one has netexec, serve-hostname, liveness and pause. Run as /pause, it is the pause image.

import { parseFlags } from "../lib/goflags";
import { printErr } from "../lib/io";
import { args, basename, exit } from "../lib/process";
import { netexec } from "./netexec";
import { liveness, pause, pauseContainer, serveHostname } from "./servers";

const HELP = "Usage:\n  app [command]\n\nAvailable Commands:\n" +
  "  help           Help about any command\n" +
  "  liveness       Starts a server that is alive for 10 seconds\n" +
  "  netexec        Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n" +
  "  pause          Pauses the execution\n" +
  "  serve-hostname Serves the hostname\n\n" +
  "Flags:\n  -h, --help      help for app\n  -v, --version   version for app\n\nUse \"app [command] --help\" for more information about a command.\n";

function main(): i32 {
  const argv = args();
  if (argv.length > 0 && basename(argv[0]) == "pause") return pauseContainer();
  if (argv.length < 2 || argv[1] == "help" || argv[1] == "--help" || argv[1] == "-h") {
    printErr(HELP);
    return 0;
  }
  const command = argv[1];
  if (command == "--version" || command == "-v") {
    printErr("app version 2.39\n");
    return 0;
  }
  if (command == "netexec") {
    const flags = parseFlags(argv, 2, ["http-port", "udp-port", "sctp-port", "tls-cert-file", "tls-private-key-file", "http-override", "udp-listen-addresses"], []);
    return netexec(flags.int("http-port", 8080));
  }
  if (command == "serve-hostname") {
    const flags = parseFlags(argv, 2, ["port", "http", "tcp", "udp", "close"], ["http", "tcp", "udp", "close"]);
    return serveHostname(flags.int("port", 9376), flags.bool("close", false));
  }
  if (command == "liveness") return liveness();
  if (command == "pause") return pause();
  printErr("Error: unknown command \"" + command + "\" for \"app\"\nRun 'app --help' for usage.\n");
  return 1;
}

exit(main());
