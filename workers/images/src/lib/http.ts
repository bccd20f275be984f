// HTTP/1.1 messages as the images' servers and clients exchange them: headers, requests parsed
// from a byte buffer, responses serialised, and the little URL handling they need.

import { ByteBuffer } from "./bytes";
import { isDigit } from "./text";

export class Headers {
  names: string[] = [];
  values: string[] = [];

  get(name: string): string | null {
    const wanted = name.toLowerCase();
    for (let i = 0; i < this.names.length; i++) if (this.names[i].toLowerCase() == wanted) return this.values[i];
    return null;
  }

  add(name: string, value: string): void {
    this.names.push(name);
    this.values.push(value);
  }

  set(name: string, value: string): void {
    const wanted = name.toLowerCase();
    for (let i = 0; i < this.names.length; i++) {
      if (this.names[i].toLowerCase() == wanted) {
        this.values[i] = value;
        return;
      }
    }
    this.add(name, value);
  }
}

export class Request {
  method: string = "GET";
  /** The request target as sent: `/echo?msg=hi`. */
  target: string = "/";
  path: string = "/";
  query: string = "";
  version: string = "HTTP/1.1";
  headers: Headers = new Headers();
  body: ArrayBuffer = new ArrayBuffer(0);
  /** `ip:port` of the client. */
  remote: string = "";

  /** A query parameter, percent-decoded; null when absent. */
  param(name: string): string | null {
    if (this.query.length == 0) return null;
    const pairs = this.query.split("&");
    for (let i = 0; i < pairs.length; i++) {
      const eq = pairs[i].indexOf("=");
      const key = percentDecode(eq < 0 ? pairs[i] : pairs[i].substring(0, eq), true);
      if (key == name) return eq < 0 ? "" : percentDecode(pairs[i].substring(eq + 1), true);
    }
    return null;
  }

  get keepAlive(): bool {
    const connection = this.headers.get("Connection");
    if (connection !== null && connection.toLowerCase() == "close") return false;
    if (this.version == "HTTP/1.0") return connection !== null && connection.toLowerCase() == "keep-alive";
    return true;
  }

  get userAgent(): string {
    const agent = this.headers.get("User-Agent");
    return agent !== null ? agent : "";
  }
}

export class Response {
  headers: Headers = new Headers();
  body: ArrayBuffer;

  constructor(public status: i32, body: ArrayBuffer) {
    this.body = body;
  }

  static text(status: i32, text: string, contentType: string = "text/plain; charset=utf-8"): Response {
    const response = new Response(status, String.UTF8.encode(text));
    response.headers.set("Content-Type", contentType);
    return response;
  }
}

export function reasonPhrase(status: i32): string {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 412: return "Precondition Failed";
    case 413: return "Request Entity Too Large";
    case 417: return "Expectation Failed";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status " + status.toString();
  }
}

function hexDigit(c: i32): i32 {
  if (isDigit(c)) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Decodes %XX escapes (and `+` as a space in query strings) as UTF-8. */
export function percentDecode(text: string, plusIsSpace: bool): string {
  if (!text.includes("%") && !(plusIsSpace && text.includes("+"))) return text;
  const bytes = new ByteBuffer();
  const utf8 = String.UTF8.encode(text);
  const src = Uint8Array.wrap(utf8);
  for (let i = 0; i < src.length; i++) {
    const c = i32(src[i]);
    if (c == 37 && i + 2 < src.length && hexDigit(src[i + 1]) >= 0 && hexDigit(src[i + 2]) >= 0) {
      bytes.appendByte(u8(hexDigit(src[i + 1]) * 16 + hexDigit(src[i + 2])));
      i += 2;
    } else if (c == 43 && plusIsSpace) bytes.appendString(" ");
    else bytes.appendByte(src[i]);
  }
  return bytes.toString();
}

/** The end of a message head (the index after the blank line) in `data`, or -1. */
export function headEnd(data: ByteBuffer): i32 {
  const crlf = data.indexOfString("\r\n\r\n");
  const lf = data.indexOfString("\n\n");
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return crlf + 4;
  return lf >= 0 ? lf + 2 : -1;
}

/** Parses header lines (`Name: value`) into `headers`. */
export function parseHeaderLines(lines: string[], from: i32, headers: Headers): void {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length - 1) : lines[i];
    const colon = line.indexOf(":");
    if (colon > 0) headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
  }
}

/** Parses a request head (request line and headers); null when it is not HTTP. */
export function parseRequestHead(head: string): Request | null {
  const lines = head.split("\n");
  const first = lines[0].endsWith("\r") ? lines[0].substring(0, lines[0].length - 1) : lines[0];
  const parts = first.split(" ");
  if (parts.length != 3 || !parts[2].startsWith("HTTP/")) return null;
  const request = new Request();
  request.method = parts[0];
  request.target = parts[1];
  request.version = parts[2];
  const question = request.target.indexOf("?");
  request.path = percentDecode(question < 0 ? request.target : request.target.substring(0, question), false);
  request.query = question < 0 ? "" : request.target.substring(question + 1);
  parseHeaderLines(lines, 1, request.headers);
  return request;
}

/** The bytes of a response; HEAD responses carry the headers only. */
export function serializeResponse(response: Response, headOnly: bool): ArrayBuffer {
  let head = "HTTP/1.1 " + response.status.toString() + " " + reasonPhrase(response.status) + "\r\n";
  for (let i = 0; i < response.headers.names.length; i++) head += response.headers.names[i] + ": " + response.headers.values[i] + "\r\n";
  head += "\r\n";
  const out = new ByteBuffer();
  out.appendString(head);
  if (!headOnly) out.appendBuffer(response.body);
  return out.toBuffer();
}

export class Url {
  scheme: string = "http";
  host: string = "";
  port: i32 = 80;
  /** Path and query: `/index.html?x=1`. */
  target: string = "/";
  hasExplicitPort: bool = false;
}

/** Parses `[http://]host[:port][/path]`; null when malformed. */
export function parseUrl(text: string): Url | null {
  const url = new Url();
  let rest = text;
  const scheme = rest.indexOf("://");
  if (scheme >= 0) {
    url.scheme = rest.substring(0, scheme).toLowerCase();
    rest = rest.substring(scheme + 3);
    if (url.scheme == "https") url.port = 443;
  }
  const slash = rest.indexOf("/");
  const authority = slash < 0 ? rest : rest.substring(0, slash);
  url.target = slash < 0 ? "/" : rest.substring(slash);
  const at = authority.lastIndexOf("@");
  const hostPort = at >= 0 ? authority.substring(at + 1) : authority;
  const colon = hostPort.lastIndexOf(":");
  if (colon >= 0) {
    const port = hostPort.substring(colon + 1);
    for (let i = 0; i < port.length; i++) if (!isDigit(port.charCodeAt(i))) return null;
    if (port.length == 0) return null;
    url.port = I32.parseInt(port);
    url.hasExplicitPort = true;
    url.host = hostPort.substring(0, colon);
  } else url.host = hostPort;
  if (url.host.length == 0) return null;
  return url;
}

/** True for a dotted IPv4 address. */
export function isIpAddress(host: string): bool {
  const parts = host.split(".");
  if (parts.length != 4) return false;
  for (let i = 0; i < 4; i++) {
    if (parts[i].length == 0 || parts[i].length > 3) return false;
    for (let j = 0; j < parts[i].length; j++) if (!isDigit(parts[i].charCodeAt(j))) return false;
  }
  return true;
}
