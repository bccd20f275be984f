// A small HTTP/1.1 client over kubetab_net: one GET (or HEAD) per connection, with a read
// timeout, Content-Length and chunked bodies. Used by wget and agnhost's /dial.

import { ByteBuffer } from "./bytes";
import { close } from "./fs";
import { readSome, writeString } from "./io";
import { connect, resolve } from "./net";
import { pollReadable } from "./poll";
import { Headers, headEnd, isIpAddress, parseHeaderLines, Url } from "./http";
import { monotonicNs, NS_PER_MS } from "./time";
import { Errno, errno } from "./wasi";

export enum Failure {
  None,
  /** The name does not resolve. */
  BadAddress,
  /** connect() failed; `errno` says why. */
  Connect,
  Timeout,
  /** A handled signal arrived while waiting. */
  Interrupted,
  /** The reply is not HTTP, or the connection broke. */
  Protocol,
}

export class ClientResponse {
  failure: Failure = Failure.None;
  errno: Errno = 0;
  /** The address connected to: `10.96.0.12`. */
  address: string = "";
  statusLine: string = "";
  status: i32 = 0;
  headers: Headers = new Headers();
  body: ByteBuffer = new ByteBuffer();
}

function decodeChunked(raw: ByteBuffer): ByteBuffer {
  const out = new ByteBuffer();
  const data = raw.toBuffer();
  const bytes = Uint8Array.wrap(data);
  let pos = 0;
  while (pos < bytes.length) {
    let lineEnd = pos;
    while (lineEnd < bytes.length && bytes[lineEnd] != 10) lineEnd++;
    const sizeText = String.UTF8.decodeUnsafe(bytes.dataStart + pos, lineEnd - pos).trim();
    const semicolon = sizeText.indexOf(";");
    const size = I32.parseInt(semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText, 16);
    pos = lineEnd + 1;
    if (size <= 0 || pos + size > bytes.length) break;
    out.appendRaw(bytes.dataStart + pos, size);
    pos += size + 2;
  }
  return out;
}

/** Sends `method` for `url` and reads the whole reply, waiting at most `timeoutMs` for data. */
export function httpRequest(url: Url, method: string, userAgent: string, timeoutMs: i64): ClientResponse {
  const result = new ClientResponse();
  let address = url.host;
  if (!isIpAddress(url.host) && url.host != "localhost") {
    const addresses = resolve(url.host);
    if (addresses === null || addresses.length == 0) {
      result.failure = Failure.BadAddress;
      return result;
    }
    address = addresses[0];
  }
  result.address = address;
  const fd = connect(address, url.port);
  if (fd < 0) {
    result.failure = Failure.Connect;
    result.errno = <Errno>(-fd);
    return result;
  }
  const hostHeader = url.host + (url.hasExplicitPort ? ":" + url.port.toString() : "");
  writeString(u32(fd), method + " " + url.target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: " + userAgent +
    "\r\nAccept: */*\r\nConnection: close\r\n\r\n");
  const raw = new ByteBuffer();
  const deadline = monotonicNs() + timeoutMs * NS_PER_MS;
  let expected: i32 = -1;
  let bodyStart: i32 = -1;
  while (true) {
    const left = (deadline - monotonicNs()) / NS_PER_MS;
    if (left <= 0) {
      result.failure = Failure.Timeout;
      break;
    }
    const ready = pollReadable([u32(fd)], left);
    if (ready.interrupted) {
      result.failure = Failure.Interrupted;
      break;
    }
    if (ready.readable.length == 0) continue;
    const count = readSome(u32(fd), raw);
    if (count < 0) {
      result.failure = Failure.Protocol;
      result.errno = <Errno>(-count);
      break;
    }
    if (bodyStart < 0) {
      bodyStart = headEnd(raw);
      if (bodyStart >= 0) {
        const head = String.UTF8.decodeUnsafe(raw.dataStart, bodyStart);
        const lines = head.split("\n");
        result.statusLine = lines[0].trim();
        parseHeaderLines(lines, 1, result.headers);
        const length = result.headers.get("Content-Length");
        if (length !== null) expected = I32.parseInt(length);
        if (method == "HEAD") expected = 0;
      }
    }
    if (count == 0 || (bodyStart >= 0 && expected >= 0 && raw.length - bodyStart >= expected)) break;
  }
  close(fd);
  if (result.failure != Failure.None) return result;
  if (bodyStart < 0 || !result.statusLine.startsWith("HTTP/")) {
    result.failure = Failure.Protocol;
    result.errno = errno.CONNRESET;
    return result;
  }
  const parts = result.statusLine.split(" ");
  result.status = parts.length > 1 ? I32.parseInt(parts[1]) : 0;
  raw.take(bodyStart);
  const encoding = result.headers.get("Transfer-Encoding");
  result.body = encoding !== null && encoding.toLowerCase() == "chunked" ? decodeChunked(raw) : raw;
  if (expected >= 0) result.body.truncate(expected);
  return result;
}
