// agnhost netexec: an HTTP server for network tests. `/` the time, `/hostname`, `/echo?msg=`,
// `/clientip`, `/healthz`, `/dial?host=&port=&request=` (HTTP only), `/exit?code=` and
// `/shutdown`. kubetab has no UDP or SCTP, and `/shell` cannot start processes here, so those
// are not offered.

import { goLog } from "../lib/goflags";
import { hostname } from "../lib/host";
import { Failure, httpRequest } from "../lib/http-client";
import { parseUrl, Request, Response } from "../lib/http";
import { HttpHandler, HttpServer } from "../lib/http-server";
import { exit } from "../lib/process";
import { handleSignal, SIGTERM } from "../lib/signals";
import { CivilTime, formatLogTime } from "../lib/time";
import { errnoMessage } from "../lib/wasi";

function jsonString(text: string): string {
  return "\"" + text.replaceAll("\\", "\\\\").replaceAll("\"", "\\\"").replaceAll("\n", "\\n") + "\"";
}

function jsonList(items: string[]): string {
  const quoted = new Array<string>();
  for (let i = 0; i < items.length; i++) quoted.push(jsonString(items[i]));
  return "[" + quoted.join(",") + "]";
}

export function notFound(): Response {
  const response = Response.text(404, "404 page not found\n");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

function param(request: Request, name: string): string {
  const value = request.param(name);
  return value !== null ? value : "";
}

class NetExec extends HttpHandler {
  handle(request: Request): Response {
    const path = request.path;
    if (path == "/") {
      goLog("GET /");
      return Response.text(200, "NOW: " + formatLogTime(CivilTime.now()).replaceAll("/", "-") + " +0000 UTC");
    }
    if (path == "/hostname" || path == "/hostName") {
      goLog("GET " + path);
      return Response.text(200, hostname());
    }
    if (path == "/clientip") {
      goLog("GET /clientip");
      return Response.text(200, request.remote);
    }
    if (path == "/healthz") {
      goLog("GET /healthz");
      return Response.text(200, "");
    }
    if (path == "/echo") return this.echo(request);
    if (path == "/dial") return this.dial(request);
    if (path == "/exit" || path == "/shutdown") {
      const code = path == "/exit" ? param(request, "code") : "0";
      goLog(path == "/exit" ? "GET /exit?code=" + code + "&timeout=&wait=" : "GET /shutdown");
      exit(code.length > 0 ? I32.parseInt(code) : 0);
    }
    return notFound();
  }

  echo(request: Request): Response {
    const msg = param(request, "msg");
    const code = param(request, "code");
    goLog("GET /echo?msg=" + msg + "&code=" + code);
    return Response.text(code.length > 0 ? I32.parseInt(code) : 200, msg);
  }

  dial(request: Request): Response {
    const host = param(request, "host");
    const port = param(request, "port");
    const target = param(request, "request");
    const protocol = param(request, "protocol");
    const triesText = param(request, "tries");
    goLog("GET /dial?host=" + host + "&protocol=" + protocol + "&port=" + port + "&request=" + target + "&tries=" + triesText);
    if (target.length == 0) return Response.text(400, "request parameter not specified. <nil>\n");
    if (protocol.length > 0 && protocol.toLowerCase() != "http") return Response.text(400, "unsupported protocol. " + protocol + "\n");
    const url = parseUrl("http://" + host + ":" + port + "/" + (target.startsWith("/") ? target.substring(1) : target));
    if (url === null) return Response.text(400, "host and/or port param are invalid.\n");
    const tries = triesText.length > 0 ? I32.parseInt(triesText) : 1;
    const responses = new Array<string>();
    const errors = new Array<string>();
    for (let i = 0; i < tries; i++) {
      const reply = httpRequest(url, "GET", "Go-http-client/1.1", 5000);
      if (reply.failure == Failure.None) responses.push(reply.body.toString());
      else if (reply.failure == Failure.Timeout) errors.push("Get \"http://" + host + ":" + port + "/" + target + "\": context deadline exceeded");
      else errors.push("Get \"http://" + host + ":" + port + "/" + target + "\": dial tcp " + host + ":" + port + ": connect: " + errnoMessage(reply.errno).toLowerCase());
    }
    let body = "{";
    if (responses.length > 0) body += "\"responses\":" + jsonList(responses);
    if (errors.length > 0) body += (responses.length > 0 ? "," : "") + "\"errors\":" + jsonList(errors);
    return Response.text(200, body + "}");
  }

  onSignal(_signal: i32): bool {
    return true;
  }
}

export function netexec(port: i32): i32 {
  const server = new HttpServer(new NetExec());
  handleSignal(SIGTERM);
  goLog("Started HTTP server on port " + port.toString());
  const code = server.listen(port);
  if (code != 0) {
    goLog("listen tcp :" + port.toString() + ": bind: " + errnoMessage(u16(code)).toLowerCase());
    return 1;
  }
  server.serve();
  return 143;
}
