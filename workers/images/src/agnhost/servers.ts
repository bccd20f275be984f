// agnhost's serve-hostname (HTTP on 9376, answering the hostname), liveness (healthy for 10
// seconds, then 500s) and pause (waits for a signal).

import { goLog } from "../lib/goflags";
import { hostname } from "../lib/host";
import { Request, Response } from "../lib/http";
import { HttpHandler, HttpServer } from "../lib/http-server";
import { print, printErr } from "../lib/io";
import { handleSignal, SIGINT, SIGTERM, takeSignal } from "../lib/signals";
import { monotonicNs, NS_PER_SECOND, sleepMs } from "../lib/time";
import { errnoMessage, errno } from "../lib/wasi";
import { notFound } from "./netexec";

class ServeHostname extends HttpHandler {
  constructor(public close: bool) {
    super();
  }

  handle(request: Request): Response {
    goLog("HTTP request from " + request.remote);
    const response = Response.text(200, hostname());
    if (this.close) response.headers.set("Connection", "close");
    return response;
  }

  onSignal(_signal: i32): bool {
    goLog("Shutting down after receiving signal: terminated.");
    goLog("Awaiting pod deletion.");
    sleepMs(60_000);
    return true;
  }
}

function listenOrFail(server: HttpServer, port: i32): bool {
  const code = server.listen(port);
  if (code == 0) return true;
  goLog("listen tcp :" + port.toString() + ": bind: " + errnoMessage(u16(code)).toLowerCase());
  return false;
}

export function serveHostname(port: i32, close: bool): i32 {
  const server = new HttpServer(new ServeHostname(close));
  handleSignal(SIGTERM);
  if (!listenOrFail(server, port)) return 1;
  goLog("Serving on port " + port.toString() + ".");
  server.serve();
  return 0;
}

class Liveness extends HttpHandler {
  started: i64 = monotonicNs();

  handle(request: Request): Response {
    const elapsed = monotonicNs() - this.started;
    const seconds = f64(elapsed) / f64(NS_PER_SECOND);
    if (request.path == "/healthz") {
      return elapsed > 10 * NS_PER_SECOND ? Response.text(500, "error: " + seconds.toString()) : Response.text(200, "ok");
    }
    if (request.path == "/started") return Response.text(200, seconds.toString() + "s");
    if (request.path == "/redirect") {
      const location = request.param("loc");
      const response = Response.text(302, "");
      response.headers.set("Location", location !== null ? location : "/");
      return response;
    }
    return notFound();
  }
}

export function liveness(): i32 {
  const server = new HttpServer(new Liveness());
  if (!listenOrFail(server, 8080)) return 1;
  server.serve();
  return 0;
}

/** The pause container (/pause): sleeps until SIGINT or SIGTERM, then says so and exits 0. */
export function pauseContainer(): i32 {
  handleSignal(SIGINT);
  handleSignal(SIGTERM);
  while (true) {
    if (sleepMs(3600_000) != errno.INTR) continue;
    const signal = takeSignal();
    if (signal == SIGINT || signal == SIGTERM) {
      printErr("Shutting down, got signal: " + (signal == SIGINT ? "Interrupt" : "Terminated") + "\n");
      return 0;
    }
  }
}

export function pause(): i32 {
  print("Paused\n");
  handleSignal(SIGINT);
  handleSignal(SIGTERM);
  while (true) {
    if (sleepMs(3600_000) != errno.INTR) continue;
    const signal = takeSignal();
    if (signal == SIGINT) return 1;
    if (signal == SIGTERM) return 2;
  }
}
