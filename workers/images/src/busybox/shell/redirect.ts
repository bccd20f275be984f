// A command's standard streams and the redirections that change them: files (`>`, `>>`, `<`),
// descriptor copies (`2>&1`, `>&2`), closing (`>&-`) and here-documents. Files opened for a
// command are closed when it ends.

import { ByteBuffer } from "../../lib/bytes";
import { absolutePath, close, isDirectory, open, OpenMode, readFileBytes } from "../../lib/fs";
import { lastErrno } from "../../lib/io";
import { errno } from "../../lib/wasi";
import { BufferSource, FdSink, NullSink, Sink, Source } from "../streams";
import { Redirect } from "./ast";
import { Expander } from "./expand";

export class Io {
  opened: i32[] = [];
  constructor(public stdin: Source, public stdout: Sink, public stderr: Sink) {}

  copy(): Io {
    return new Io(this.stdin, this.stdout, this.stderr);
  }

  /** Closes the files this command's redirections opened. */
  release(): void {
    for (let i = 0; i < this.opened.length; i++) close(this.opened[i]);
    this.opened = [];
  }

  sink(fd: i32): Sink | null {
    return fd == 1 ? this.stdout : fd == 2 ? this.stderr : null;
  }

  setSink(fd: i32, sink: Sink): bool {
    if (fd == 1) this.stdout = sink;
    else if (fd == 2) this.stderr = sink;
    else return fd > 2;
    return true;
  }
}

function createMessage(code: u16): string {
  if (code == errno.NOENT) return "nonexistent directory";
  if (code == errno.ISDIR) return "Is a directory";
  if (code == errno.ROFS) return "Read-only file system";
  if (code == errno.ACCES || code == errno.NOTCAPABLE) return "Permission denied";
  return "error " + code.toString();
}

/** Set by openSink and openSource when they fail. */
let openError: string = "";

function openSink(io: Io, path: string, append: bool): Sink | null {
  const abs = absolutePath(path);
  if (abs == "/dev/null") return new NullSink();
  if (abs == "/dev/stdout") return io.stdout;
  if (abs == "/dev/stderr") return io.stderr;
  if (isDirectory(abs)) {
    openError = "can't create " + path + ": Is a directory";
    return null;
  }
  const fd = open(abs, append ? OpenMode.Append : OpenMode.Write);
  if (fd < 0) {
    openError = "can't create " + path + ": " + createMessage(<u16>(-fd));
    return null;
  }
  io.opened.push(fd);
  return new FdSink(u32(fd));
}

function openSource(io: Io, path: string): Source | null {
  const abs = absolutePath(path);
  if (abs == "/dev/stdin") return io.stdin;
  const data = readFileBytes(abs);
  if (data === null) {
    openError = "can't open " + path + ": " + (lastErrno == errno.NOENT ? "no such file" : createMessage(lastErrno));
    return null;
  }
  return new BufferSource(data);
}

/** Applies `redirects` to `io`; returns null, or the error message (`can't create ...`). */
export function applyRedirects(redirects: Redirect[], io: Io, expander: Expander): string | null {
  for (let i = 0; i < redirects.length; i++) {
    const r = redirects[i];
    const doc = r.heredoc;
    if (doc !== null) {
      const body = doc.quoted ? doc.body : expander.heredoc(doc.body);
      const data = new ByteBuffer();
      data.appendString(body);
      if (r.fd == 0) io.stdin = new BufferSource(data);
      continue;
    }
    const target = expander.string(r.target);
    if (expander.error !== null) return expander.error;
    if (r.op == ">&" || r.op == "<&") {
      if (target == "-") {
        if (r.fd == 0) io.stdin = BufferSource.of("");
        else io.setSink(r.fd, new NullSink());
        continue;
      }
      const from = target == "1" || target == "2" ? io.sink(I32.parseInt(target)) : null;
      if (r.op == ">&" && from !== null) {
        io.setSink(r.fd, from);
        continue;
      }
      if (r.op == "<&" && target == "0") continue;
      if (r.op == ">&" && !isAllDigits(target)) {
        const sink = openSink(io, target, false);
        if (sink === null) return openError;
        io.stdout = sink;
        io.stderr = sink;
        continue;
      }
      return target + ": bad file descriptor";
    }
    if (r.op == "<" || r.op == "<>") {
      const source = openSource(io, target);
      if (source === null) return openError;
      if (r.fd == 0) io.stdin = source;
      continue;
    }
    const sink = openSink(io, target, r.op == ">>");
    if (sink === null) return openError;
    io.setSink(r.fd, sink);
  }
  return null;
}

function isAllDigits(text: string): bool {
  if (text.length == 0) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
}
