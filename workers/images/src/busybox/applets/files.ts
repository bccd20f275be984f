// Applets that manage files: cat, mkdir, rm, touch, cp, mv, pwd, basename, dirname.

import {
  absolutePath, cwd, isDirectory, listDirectory, makeDirectory, readFileBytes, removeDirectory, removeFile, rename,
  stat, touchTimes, writeFile,
} from "../../lib/fs";
import { lastErrno } from "../../lib/io";
import { basename as baseOf } from "../../lib/process";
import { errno, Errno, errnoMessage } from "../../lib/wasi";
import { Context } from "../context";
import { parseOptions } from "../options";

function quoted(path: string): string {
  return "'" + path + "'";
}

export function cat(ctx: Context): i32 {
  const opts = parseOptions(ctx, "nbuv");
  if (opts.bad) return 1;
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  let status = 0;
  let lineNumber = 1;
  for (let i = 0; i < files.length; i++) {
    if (files[i] == "-") {
      while (true) {
        const chunk = ctx.stdin.readChunk();
        if (chunk === null) break;
        ctx.stdout.writeBytes(chunk);
      }
      continue;
    }
    const data = readFileBytes(files[i]);
    if (data === null) {
      ctx.error("can't open " + quoted(files[i]) + ": " + errnoMessage(lastErrno));
      status = 1;
      continue;
    }
    if (opts.has("n")) {
      const lines = data.toString().split("\n");
      const last = lines.length - (lines[lines.length - 1] == "" ? 1 : 0);
      for (let j = 0; j < last; j++) ctx.out(lineNumber++.toString().padStart(6, " ") + "\t" + lines[j] + "\n");
    } else ctx.stdout.writeBytes(data.toBuffer());
  }
  return status;
}

function makeParents(path: string): Errno {
  const abs = absolutePath(path);
  const parts = abs.split("/");
  let current = "";
  for (let i = 1; i < parts.length; i++) {
    current += "/" + parts[i];
    if (isDirectory(current)) continue;
    const code = makeDirectory(current);
    if (code != 0 && !(code == errno.EXIST && isDirectory(current))) return code;
  }
  return 0;
}

export function mkdir(ctx: Context): i32 {
  const opts = parseOptions(ctx, "pm:v");
  if (opts.bad) return 1;
  if (opts.operands.length == 0) {
    ctx.stderr.write("Usage: mkdir [-m MODE] [-p] DIRECTORY...\n");
    return 1;
  }
  let status = 0;
  for (let i = 0; i < opts.operands.length; i++) {
    const path = opts.operands[i];
    const code = opts.has("p") ? makeParents(path) : makeDirectory(path);
    if (code != 0) {
      ctx.error("can't create directory " + quoted(path) + ": " + errnoMessage(code));
      status = 1;
    }
  }
  return status;
}

function removeTree(path: string): Errno {
  const info = stat(path);
  if (info === null) return lastErrno;
  if (!info.isDirectory) return removeFile(path);
  const entries = listDirectory(path);
  if (entries === null) return lastErrno;
  for (let i = 0; i < entries.length; i++) {
    const code = removeTree(path + "/" + entries[i].name);
    if (code != 0) return code;
  }
  return removeDirectory(path);
}

export function rm(ctx: Context): i32 {
  const opts = parseOptions(ctx, "fiRrv");
  if (opts.bad) return 1;
  const force = opts.has("f");
  const recursive = opts.has("r") || opts.has("R");
  if (opts.operands.length == 0 && !force) {
    ctx.stderr.write("Usage: rm [-irf] FILE...\n");
    return 1;
  }
  let status = 0;
  for (let i = 0; i < opts.operands.length; i++) {
    const path = opts.operands[i];
    const info = stat(path);
    if (info === null) {
      if (!force) {
        ctx.error("can't remove " + quoted(path) + ": " + errnoMessage(lastErrno));
        status = 1;
      }
      continue;
    }
    if (info.isDirectory && !recursive) {
      ctx.error(quoted(path) + " is a directory");
      status = 1;
      continue;
    }
    const code = recursive ? removeTree(path) : removeFile(path);
    if (code != 0) {
      ctx.error("can't remove " + quoted(path) + ": " + errnoMessage(code));
      status = 1;
    }
  }
  return status;
}

export function touch(ctx: Context): i32 {
  const opts = parseOptions(ctx, "cd:r:t:am");
  if (opts.bad) return 1;
  let status = 0;
  for (let i = 0; i < opts.operands.length; i++) {
    const path = opts.operands[i];
    if (stat(path) !== null) {
      touchTimes(path);
      continue;
    }
    if (opts.has("c")) continue;
    const code = writeFile(path, new ArrayBuffer(0), true);
    if (code != 0) {
      ctx.error(path + ": " + errnoMessage(code));
      status = 1;
    }
  }
  return status;
}

function copyTree(from: string, to: string): Errno {
  const info = stat(from);
  if (info === null) return lastErrno;
  if (!info.isDirectory) {
    const data = readFileBytes(from);
    if (data === null) return lastErrno;
    return writeFile(to, data.toBuffer());
  }
  if (!isDirectory(to)) {
    const code = makeDirectory(to);
    if (code != 0) return code;
  }
  const entries = listDirectory(from);
  if (entries === null) return lastErrno;
  for (let i = 0; i < entries.length; i++) {
    const code = copyTree(from + "/" + entries[i].name, to + "/" + entries[i].name);
    if (code != 0) return code;
  }
  return 0;
}

/** Where SOURCE goes: into DEST when DEST is a directory, else DEST itself. */
function destinationFor(source: string, dest: string, intoDirectory: bool): string {
  return intoDirectory ? dest + "/" + baseOf(source) : dest;
}

function transfer(ctx: Context, move: bool): i32 {
  const opts = parseOptions(ctx, move ? "fin" : "rRpafdiv");
  if (opts.bad) return 1;
  if (opts.operands.length < 2) {
    ctx.stderr.write(move ? "Usage: mv [-fin] SOURCE DEST\n" : "Usage: cp [-rRpaf] SOURCE... DEST\n");
    return 1;
  }
  const dest = opts.operands[opts.operands.length - 1];
  const intoDirectory = isDirectory(dest);
  if (opts.operands.length > 2 && !intoDirectory) {
    ctx.error(quoted(dest) + " is not a directory");
    return 1;
  }
  const recursive = opts.has("r") || opts.has("R") || opts.has("a");
  let status = 0;
  for (let i = 0; i < opts.operands.length - 1; i++) {
    const source = opts.operands[i];
    const info = stat(source);
    if (info === null) {
      ctx.error("can't stat " + quoted(source) + ": " + errnoMessage(lastErrno));
      status = 1;
      continue;
    }
    const target = destinationFor(source, dest, intoDirectory);
    if (!move && info.isDirectory && !recursive) {
      ctx.error("omitting directory " + quoted(source));
      status = 1;
      continue;
    }
    let code: Errno = 0;
    if (move) {
      code = rename(source, target);
      if (code == errno.XDEV) {
        code = copyTree(source, target);
        if (code == 0) code = removeTree(source);
      }
    } else code = copyTree(source, target);
    if (code != 0) {
      ctx.error((move ? "can't move " : "can't create ") + quoted(move ? source : target) + ": " + errnoMessage(code));
      status = 1;
    }
  }
  return status;
}

export function cp(ctx: Context): i32 {
  return transfer(ctx, false);
}

export function mv(ctx: Context): i32 {
  return transfer(ctx, true);
}

export function pwd(ctx: Context): i32 {
  ctx.out(cwd() + "\n");
  return 0;
}

export function basename(ctx: Context): i32 {
  if (ctx.args.length < 2) {
    ctx.stderr.write("Usage: basename FILE [SUFFIX]\n");
    return 1;
  }
  let name = baseOf(ctx.args[1]);
  if (ctx.args.length > 2 && name.endsWith(ctx.args[2]) && name != ctx.args[2]) {
    name = name.substring(0, name.length - ctx.args[2].length);
  }
  ctx.out(name + "\n");
  return 0;
}

export function dirname(ctx: Context): i32 {
  if (ctx.args.length < 2) {
    ctx.stderr.write("Usage: dirname FILENAME\n");
    return 1;
  }
  let path = ctx.args[1];
  while (path.length > 1 && path.endsWith("/")) path = path.substring(0, path.length - 1);
  const slash = path.lastIndexOf("/");
  let dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
  while (dir.length > 1 && dir.endsWith("/")) dir = dir.substring(0, dir.length - 1);
  ctx.out(dir + "\n");
  return 0;
}
