// An HTTP/1.1 server loop: one listening socket, any number of keep-alive connections, all
// waited on with one poll_oneoff so a slow client holds nobody up; a handled signal wakes the
// loop and the handler decides whether to stop.

import { ByteBuffer } from "./bytes";
import { close } from "./fs";
import { headEnd, parseRequestHead, Request, Response, serializeResponse } from "./http";
import { readSome, writeBuffer } from "./io";
import { accept, listen, peerAddress } from "./net";
import { pollReadable } from "./poll";
import { takeSignal } from "./signals";
import { CivilTime, formatHttpDate } from "./time";

const MAX_HEAD: i32 = 64 * 1024;

export abstract class HttpHandler {
  abstract handle(request: Request): Response;

  /** After a response was written: where access logs go. */
  logRequest(_request: Request, _response: Response): void {}

  /** A handled signal arrived; true stops the server. */
  onSignal(_signal: i32): bool {
    return true;
  }
}

class Connection {
  buffer: ByteBuffer = new ByteBuffer();
  constructor(public fd: u32, public remote: string) {}
}

export class HttpServer {
  private listener: i32 = -1;
  private connections: Connection[] = [];
  /** The signal that stopped the server. */
  stoppedBy: i32 = 0;

  constructor(public handler: HttpHandler) {}

  /** Starts listening on `port`; 0 or the errno. */
  listen(port: i32): i32 {
    const fd = listen(port);
    if (fd < 0) return -fd;
    this.listener = fd;
    return 0;
  }

  /** Serves until the handler's onSignal says stop. */
  serve(): void {
    while (true) {
      const fds: u32[] = [u32(this.listener)];
      for (let i = 0; i < this.connections.length; i++) fds.push(this.connections[i].fd);
      const ready = pollReadable(fds, -1);
      if (ready.interrupted && this.signalled()) return;
      for (let i = 0; i < ready.readable.length; i++) {
        const fd = ready.readable[i];
        if (fd == u32(this.listener)) this.acceptOne();
        else this.readFrom(fd);
      }
    }
  }

  private signalled(): bool {
    let stop = false;
    while (true) {
      const signal = takeSignal();
      if (signal == 0) break;
      if (this.handler.onSignal(signal)) {
        this.stoppedBy = signal;
        stop = true;
      }
    }
    if (stop) this.closeAll();
    return stop;
  }

  private closeAll(): void {
    for (let i = 0; i < this.connections.length; i++) close(this.connections[i].fd);
    this.connections = [];
    close(this.listener);
  }

  private acceptOne(): void {
    const fd = accept(u32(this.listener));
    if (fd < 0) return;
    this.connections.push(new Connection(u32(fd), peerAddress(u32(fd))));
  }

  private drop(connection: Connection): void {
    close(connection.fd);
    const index = this.connections.indexOf(connection);
    if (index >= 0) this.connections.splice(index, 1);
  }

  private readFrom(fd: u32): void {
    let connection: Connection | null = null;
    for (let i = 0; i < this.connections.length; i++) if (this.connections[i].fd == fd) connection = this.connections[i];
    if (connection === null) return;
    if (readSome(fd, connection.buffer) <= 0) {
      this.drop(connection);
      return;
    }
    this.respond(connection);
  }

  /** Answers every complete request in the connection's buffer. */
  private respond(connection: Connection): void {
    while (true) {
      const end = headEnd(connection.buffer);
      if (end < 0) {
        if (connection.buffer.length > MAX_HEAD) this.reject(connection, 413);
        return;
      }
      const request = parseRequestHead(String.UTF8.decodeUnsafe(connection.buffer.dataStart, end));
      if (request === null) {
        this.reject(connection, 400);
        return;
      }
      const lengthHeader = request.headers.get("Content-Length");
      const length = lengthHeader !== null ? I32.parseInt(lengthHeader) : 0;
      if (connection.buffer.length < end + length) return;
      connection.buffer.take(end);
      request.body = connection.buffer.take(length);
      request.remote = connection.remote;
      const response = this.handler.handle(request);
      const keepAlive = request.keepAlive && response.headers.get("Connection") === null;
      finishHeaders(response, keepAlive);
      writeBuffer(connection.fd, serializeResponse(response, request.method == "HEAD"));
      this.handler.logRequest(request, response);
      if (!keepAlive) {
        this.drop(connection);
        return;
      }
    }
  }

  private reject(connection: Connection, status: i32): void {
    const response = Response.text(status, "");
    finishHeaders(response, false);
    writeBuffer(connection.fd, serializeResponse(response, false));
    this.drop(connection);
  }
}

/** Date, Content-Length and Connection, as every server sends them. */
function finishHeaders(response: Response, keepAlive: bool): void {
  if (response.headers.get("Date") === null) response.headers.set("Date", formatHttpDate(CivilTime.now()));
  if (response.headers.get("Content-Length") === null) response.headers.set("Content-Length", response.body.byteLength.toString());
  if (response.headers.get("Connection") === null) response.headers.set("Connection", keepAlive ? "keep-alive" : "close");
}
