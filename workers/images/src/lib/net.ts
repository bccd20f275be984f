// Pod networking through the kubetab_net extension and WASI sockets: listen, accept, connect,
// resolve, and the addresses of both ends. Functions return a descriptor or -errno.

import { setLastErrno } from "./io";
import { Errno, sock_accept } from "./wasi";

@external("kubetab_net", "listen")
declare function kubetab_listen(port: i32, fdOut: usize): Errno;
@external("kubetab_net", "connect")
declare function kubetab_connect(host: usize, hostLen: usize, port: i32, fdOut: usize): Errno;
@external("kubetab_net", "resolve")
declare function kubetab_resolve(host: usize, hostLen: usize, buf: usize, bufLen: usize, lenOut: usize): Errno;
@external("kubetab_net", "peer")
declare function kubetab_peer(fd: u32, buf: usize, bufLen: usize, lenOut: usize): Errno;
@external("kubetab_net", "local_ip")
declare function kubetab_local_ip(buf: usize, bufLen: usize, lenOut: usize): Errno;

/** Listens on `port` on the pod's addresses; the listening descriptor, or -errno. */
export function listen(port: i32): i32 {
  const out = memory.data(4);
  const code = kubetab_listen(port, out);
  if (code != 0) {
    setLastErrno(code);
    return -i32(code);
  }
  return i32(load<u32>(out));
}

/** Waits for a connection; its descriptor, or -errno (-27 when a signal interrupted the wait). */
export function accept(listener: u32): i32 {
  const out = memory.data(4);
  const code = sock_accept(listener, 0, out);
  if (code != 0) {
    setLastErrno(code);
    return -i32(code);
  }
  return i32(load<u32>(out));
}

/** Connects to `host` (an IP or a DNS name) on `port`; the descriptor, or -errno. */
export function connect(host: string, port: i32): i32 {
  const name = String.UTF8.encode(host);
  const out = memory.data(4);
  const code = kubetab_connect(changetype<usize>(name), name.byteLength, port, out);
  if (code != 0) {
    setLastErrno(code);
    return -i32(code);
  }
  return i32(load<u32>(out));
}

/** The addresses of a DNS name; null with lastErrno (NOENT: no such name) on failure. */
export function resolve(host: string): string[] | null {
  const name = String.UTF8.encode(host);
  const buf = new ArrayBuffer(1024);
  const len = memory.data(4);
  const code = kubetab_resolve(changetype<usize>(name), name.byteLength, changetype<usize>(buf), 1024, len);
  if (code != 0) {
    setLastErrno(code);
    return null;
  }
  const text = String.UTF8.decodeUnsafe(changetype<usize>(buf), load<u32>(len));
  const out = new Array<string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length > 0) out.push(line);
  }
  return out;
}

function readAddress(code: Errno, buf: ArrayBuffer, len: usize): string {
  if (code != 0) {
    setLastErrno(code);
    return "";
  }
  return String.UTF8.decodeUnsafe(changetype<usize>(buf), load<u32>(len));
}

/** `ip:port` of the other end of a connected socket, or "" when unknown. */
export function peerAddress(fd: u32): string {
  const buf = new ArrayBuffer(64);
  const len = memory.data(4);
  return readAddress(kubetab_peer(fd, changetype<usize>(buf), 64, len), buf, len);
}

/** The pod's IP, or "" when unknown. */
export function localIp(): string {
  const buf = new ArrayBuffer(64);
  const len = memory.data(4);
  return readAddress(kubetab_local_ip(changetype<usize>(buf), 64, len), buf, len);
}
