// Serving the document root: files with their type, Last-Modified and ETag (304 when the
// client has them), directory index and the trailing-slash redirect, and nginx's own error
// pages. Every response is logged in the access log; 404s also in the error log, as nginx does.

import { absolutePath, FileStat, readFileBytes, stat } from "../lib/fs";
import { Request, Response, reasonPhrase } from "../lib/http";
import { HttpHandler } from "../lib/http-server";
import { CivilTime, formatHttpDate, NS_PER_SECOND } from "../lib/time";
import { Config, loadConfig } from "./config";
import { accessLog, errorLog, shutdownNotices, WORKERS } from "./log";
import { SIGHUP, SIGQUIT, SIGUSR1 } from "../lib/signals";

const TYPES: string[] = [
  "html", "text/html", "htm", "text/html", "css", "text/css", "js", "application/javascript", "json", "application/json",
  "txt", "text/plain", "xml", "text/xml", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
  "svg", "image/svg+xml", "ico", "image/x-icon", "wasm", "application/wasm", "pdf", "application/pdf",
];

function contentType(path: string): string {
  const dot = path.lastIndexOf(".");
  const extension = dot >= 0 ? path.substring(dot + 1).toLowerCase() : "";
  for (let i = 0; i < TYPES.length; i += 2) if (TYPES[i] == extension) return TYPES[i + 1];
  return "application/octet-stream";
}

export class StaticSite extends HttpHandler {
  private connections: i32 = 0;

  constructor(public config: Config, public version: string) {
    super();
  }

  private errorPage(status: i32): Response {
    const title = status.toString() + " " + (status == 405 ? "Not Allowed" : reasonPhrase(status));
    const page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
      "</h1></center>\r\n<hr><center>nginx/" + this.version + "</center>\r\n</body>\r\n</html>\r\n";
    const response = this.start(status, String.UTF8.encode(page));
    response.headers.set("Content-Type", "text/html");
    response.headers.set("Content-Length", response.body.byteLength.toString());
    return response;
  }

  /** A response with nginx's first headers, in nginx's order: Server, then Date. */
  private start(status: i32, body: ArrayBuffer): Response {
    const response = new Response(status, body);
    response.headers.set("Server", "nginx/" + this.version);
    response.headers.set("Date", formatHttpDate(CivilTime.now()));
    return response;
  }

  private notFound(request: Request, file: string, error: string): Response {
    errorLog("error", WORKERS[0], "*" + this.connections.toString() + " open() \"" + file + "\" failed (" + error + "), client: " +
      clientIp(request) + ", server: " + this.config.serverName + ", request: \"" + requestLine(request) + "\", host: \"" + host(request) + "\"");
    return this.errorPage(404);
  }

  handle(request: Request): Response {
    this.connections++;
    if (request.method != "GET" && request.method != "HEAD") return this.errorPage(405);
    const path = absolutePath(request.path);
    const file = this.config.root + (path == "/" ? "/" : path);
    const info = stat(file);
    if (info === null) return this.notFound(request, file, "2: No such file or directory");
    if (info.isDirectory) {
      if (!request.path.endsWith("/")) {
        const redirect = this.errorPage(301);
        redirect.headers.set("Location", "http://" + host(request) + request.path + "/");
        return redirect;
      }
      for (let i = 0; i < this.config.index.length; i++) {
        const candidate = (file.endsWith("/") ? file : file + "/") + this.config.index[i];
        const indexInfo = stat(candidate);
        if (indexInfo !== null && !indexInfo.isDirectory) return this.serveFile(request, candidate, indexInfo);
      }
      errorLog("error", WORKERS[0], "*" + this.connections.toString() + " directory index of \"" + (file.endsWith("/") ? file : file + "/") +
        "\" is forbidden, client: " + clientIp(request) + ", server: " + this.config.serverName + ", request: \"" + requestLine(request) + "\", host: \"" + host(request) + "\"");
      return this.errorPage(403);
    }
    return this.serveFile(request, file, info);
  }

  private serveFile(request: Request, file: string, info: FileStat): Response {
    const data = readFileBytes(file);
    if (data === null) return this.notFound(request, file, "13: Permission denied");
    const seconds = info.mtimeNs / NS_PER_SECOND;
    const etag = "\"" + seconds.toString(16) + "-" + info.size.toString(16) + "\"";
    const modified = formatHttpDate(CivilTime.fromEpochSeconds(seconds));
    const ifNoneMatch = request.headers.get("If-None-Match");
    const ifModifiedSince = request.headers.get("If-Modified-Since");
    const fresh = (ifNoneMatch !== null && ifNoneMatch == etag) || (ifNoneMatch === null && ifModifiedSince !== null && ifModifiedSince == modified);
    const response = this.start(fresh ? 304 : 200, fresh ? new ArrayBuffer(0) : data.toBuffer());
    if (!fresh) response.headers.set("Content-Type", contentType(file));
    if (!fresh) response.headers.set("Content-Length", info.size.toString());
    response.headers.set("Last-Modified", modified);
    response.headers.set("Connection", request.keepAlive ? "keep-alive" : "close");
    response.headers.set("ETag", etag);
    if (!fresh) response.headers.set("Accept-Ranges", "bytes");
    return response;
  }

  logRequest(request: Request, response: Response): void {
    const referer = request.headers.get("Referer");
    const forwarded = request.headers.get("X-Forwarded-For");
    const bytes = request.method == "HEAD" ? 0 : response.body.byteLength;
    accessLog(request.remote, requestLine(request), response.status, bytes, referer !== null ? referer : "", request.userAgent, forwarded !== null ? forwarded : "");
  }

  onSignal(signal: i32): bool {
    if (signal == SIGHUP) {
      errorLog("notice", "1#1", "signal 1 (SIGHUP) received, reconfiguring");
      this.config = loadConfig();
      return false;
    }
    if (signal == SIGUSR1) {
      errorLog("notice", "1#1", "signal 10 (SIGUSR1) received, reopening logs");
      return false;
    }
    shutdownNotices(signal, signal == SIGQUIT);
    return true;
  }
}

function requestLine(request: Request): string {
  return request.method + " " + request.target + " " + request.version;
}

function host(request: Request): string {
  const value = request.headers.get("Host");
  return value !== null ? value : "localhost";
}

function clientIp(request: Request): string {
  const colon = request.remote.lastIndexOf(":");
  return colon > 0 ? request.remote.substring(0, colon) : request.remote;
}
