// hashicorp/http-echo: answers every request with the -text given (and a newline), logs each
// request on stdout, /health answers {"status":"ok"}; SIGINT or SIGTERM stop it with status 2.

import { goLog, parseFlags } from "../lib/goflags";
import { Request, Response } from "../lib/http";
import { HttpHandler, HttpServer } from "../lib/http-server";
import { print, printErr } from "../lib/io";
import { args, exit, getenv } from "../lib/process";
import { handleSignal, SIGINT, SIGTERM } from "../lib/signals";
import { CivilTime, formatGoDuration, formatLogTime, monotonicNs } from "../lib/time";
import { errnoMessage } from "../lib/wasi";

const VERSION = "1.0.0";

class Echo extends HttpHandler {
  started: i64 = 0;
  constructor(public text: string, public status: i32, public listenAddress: string) {
    super();
  }

  handle(request: Request): Response {
    this.started = monotonicNs();
    const health = request.path == "/health";
    const response = Response.text(health ? 200 : this.status, health ? "{\"status\":\"ok\"}\n" : this.text + "\n");
    response.headers.set("X-App-Name", "http-echo");
    response.headers.set("X-App-Version", VERSION);
    return response;
  }

  logRequest(request: Request, response: Response): void {
    if (request.path == "/health") return;
    const host = request.headers.get("Host");
    print(formatLogTime(CivilTime.now()) + " " + (host !== null ? host : this.listenAddress) + " " + request.remote + " \"" + request.method + " " +
      request.path + " " + request.version + "\" " + response.status.toString() + " " + response.body.byteLength.toString() + " \"" +
      request.userAgent + "\" " + formatGoDuration(monotonicNs() - this.started) + "\n");
  }

  onSignal(_signal: i32): bool {
    goLog("[INFO] received interrupt, shutting down...");
    return true;
  }
}

function main(): i32 {
  const argv = args();
  const flags = parseFlags(argv, 1, ["listen", "text", "version", "status-code"], ["version"]);
  if (flags.unknown.length > 0) {
    printErr("flag provided but not defined: -" + flags.unknown + "\nUsage of " + argv[0] + ":\n  -listen string\n    \taddress and port to listen (default \":5678\")\n" +
      "  -status-code int\n    \thttp response code, e.g.: 200 (default 200)\n  -text string\n    \ttext to put on the webpage\n  -version\n    \tdisplay version information\n");
    return 2;
  }
  if (flags.bool("version", false)) {
    printErr("http-echo v" + VERSION + "\n");
    return 0;
  }
  let text = flags.get("text", "");
  if (text.length == 0) text = getenv("ECHO_TEXT");
  if (text.length == 0) {
    printErr("Missing -text option OR ENV var TEXT is empty!\n");
    return 127;
  }
  if (flags.rest.length > 0) {
    printErr("Too many arguments!\n");
    return 127;
  }
  const address = flags.get("listen", ":5678");
  const colon = address.lastIndexOf(":");
  const port = colon >= 0 ? I32.parseInt(address.substring(colon + 1)) : 0;
  const server = new HttpServer(new Echo(text, flags.int("status-code", 200), address));
  handleSignal(SIGINT);
  handleSignal(SIGTERM);
  goLog("[INFO] server is listening on " + address);
  const code = server.listen(port);
  if (code != 0) {
    goLog("[ERR] server exited with: listen tcp " + address + ": bind: " + errnoMessage(u16(code)).toLowerCase());
    return 1;
  }
  server.serve();
  return 2;
}

exit(main());
