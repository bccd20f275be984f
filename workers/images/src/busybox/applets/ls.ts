// ls [-1aAdlhrt] [FILE]...: one name per line into a pipe or file, columns on a terminal, and
// busybox's long format with -l.

import { absolutePath, FileStat, listDirectory, stat } from "../../lib/fs";
import { isTerminal, lastErrno } from "../../lib/io";
import { isDigit } from "../../lib/text";
import { CivilTime, MONTHS, nowSeconds, NS_PER_SECOND, pad2 } from "../../lib/time";
import { errnoMessage, filetype } from "../../lib/wasi";
import { Context } from "../context";
import { Options, parseOptions } from "../options";
import { FdSink } from "../streams";

class Entry {
  constructor(public name: string, public path: string, public info: FileStat) {}
}

const EXECUTABLE_DIRS: string[] = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"];

function isExecutable(path: string): bool {
  const abs = absolutePath(path);
  const dir = abs.substring(0, abs.lastIndexOf("/"));
  return EXECUTABLE_DIRS.includes(dir) || abs.endsWith(".sh") || abs == "/agnhost";
}

function modeString(entry: Entry): string {
  const type = entry.info.filetype;
  if (type == filetype.DIRECTORY) return "drwxr-xr-x";
  if (type == filetype.SYMBOLIC_LINK) return "lrwxrwxrwx";
  if (type == filetype.CHARACTER_DEVICE) return "crw-rw-rw-";
  return isExecutable(entry.path) ? "-rwxr-xr-x" : "-rw-r--r--";
}

function humanSize(size: i64): string {
  if (size < 1024) return size.toString();
  const units = ["K", "M", "G", "T"];
  let value = f64(size) / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  const text = rounded >= 10 ? Math.round(rounded).toString() : rounded.toString();
  return (text.endsWith(".0") ? text.substring(0, text.length - 2) : text) + units[unit];
}

function dateString(mtimeNs: i64): string {
  const seconds = mtimeNs / NS_PER_SECOND;
  const t = CivilTime.fromEpochSeconds(seconds);
  const recent = nowSeconds() - seconds < 182 * 86400;
  const day = t.day.toString().padStart(2, " ");
  return MONTHS[t.month - 1] + " " + day + " " + (recent ? pad2(t.hour) + ":" + pad2(t.minute) : " " + t.year.toString());
}

function longLine(entry: Entry, human: bool): string {
  const size = human ? humanSize(entry.info.size) : entry.info.size.toString();
  return modeString(entry) + " " + entry.info.nlink.toString().padStart(4, " ") + " root     root     " +
    size.padStart(9, " ") + " " + dateString(entry.info.mtimeNs) + " " + entry.name + "\n";
}

function compareNames(a: string, b: string): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortEntries(entries: Entry[], opts: Options): void {
  if (opts.has("t")) {
    entries.sort((a: Entry, b: Entry): i32 => a.info.mtimeNs > b.info.mtimeNs ? -1 : a.info.mtimeNs < b.info.mtimeNs ? 1 : compareNames(a.name, b.name));
  } else entries.sort((a: Entry, b: Entry): i32 => compareNames(a.name, b.name));
  if (opts.has("r")) entries.reverse();
}

function terminalWidth(ctx: Context): i32 {
  const columns = ctx.getenv("COLUMNS");
  if (columns.length > 0 && isDigit(columns.charCodeAt(0))) return max(20, I32.parseInt(columns));
  return 80;
}

function toTerminal(ctx: Context): bool {
  const out = ctx.stdout;
  return out instanceof FdSink && isTerminal((<FdSink>out).fd);
}

function printNames(ctx: Context, entries: Entry[], opts: Options): void {
  if (opts.has("l")) {
    for (let i = 0; i < entries.length; i++) ctx.out(longLine(entries[i], opts.has("h")));
    return;
  }
  if (opts.has("1") || !toTerminal(ctx) || entries.length == 0) {
    for (let i = 0; i < entries.length; i++) ctx.out(entries[i].name + "\n");
    return;
  }
  let widest = 0;
  for (let i = 0; i < entries.length; i++) widest = max(widest, entries[i].name.length);
  const cell = widest + 2;
  const columns = max(1, terminalWidth(ctx) / cell);
  const rows = (entries.length + columns - 1) / columns;
  for (let row = 0; row < rows; row++) {
    let line = "";
    for (let col = 0; col < columns; col++) {
      const index = col * rows + row;
      if (index >= entries.length) break;
      const last = (col + 1) * rows + row >= entries.length;
      line += last ? entries[index].name : entries[index].name.padEnd(cell, " ");
    }
    ctx.out(line + "\n");
  }
}

function directoryEntries(ctx: Context, path: string, opts: Options): Entry[] | null {
  const listed = listDirectory(path);
  if (listed === null) {
    ctx.error(path + ": " + errnoMessage(lastErrno));
    return null;
  }
  const entries = new Array<Entry>();
  const base = path.endsWith("/") ? path : path + "/";
  if (opts.has("a")) {
    const self = stat(path);
    if (self !== null) {
      entries.push(new Entry(".", path, self));
      entries.push(new Entry("..", path, self));
    }
  }
  for (let i = 0; i < listed.length; i++) {
    const name = listed[i].name;
    if (name.startsWith(".") && !opts.has("a") && !opts.has("A")) continue;
    const info = stat(base + name);
    if (info === null) continue;
    entries.push(new Entry(name, base + name, info));
  }
  return entries;
}

function totalBlocks(entries: Entry[]): i64 {
  let total: i64 = 0;
  for (let i = 0; i < entries.length; i++) {
    if (entries[i].name == "." || entries[i].name == "..") continue;
    total += ((entries[i].info.size + 4095) / 4096) * 4;
  }
  return total;
}

export function ls(ctx: Context): i32 {
  const opts = parseOptions(ctx, "1aAdlhrtFpCe");
  if (opts.bad) return 1;
  const operands = opts.operands.length > 0 ? opts.operands : ["."];
  let status = 0;
  const files = new Array<Entry>();
  const dirs = new Array<Entry>();
  for (let i = 0; i < operands.length; i++) {
    const info = stat(operands[i]);
    if (info === null) {
      ctx.error(operands[i] + ": " + errnoMessage(lastErrno));
      status = 1;
      continue;
    }
    const entry = new Entry(operands[i], operands[i], info);
    if (info.isDirectory && !opts.has("d")) dirs.push(entry);
    else files.push(entry);
  }
  sortEntries(files, opts);
  sortEntries(dirs, opts);
  printNames(ctx, files, opts);
  const headers = operands.length > 1;
  for (let i = 0; i < dirs.length; i++) {
    if (headers) ctx.out((i > 0 || files.length > 0 ? "\n" : "") + dirs[i].name + ":\n");
    const entries = directoryEntries(ctx, dirs[i].path, opts);
    if (entries === null) {
      status = 1;
      continue;
    }
    sortEntries(entries, opts);
    if (opts.has("l")) ctx.out("total " + totalBlocks(entries).toString() + "\n");
    printNames(ctx, entries, opts);
  }
  return status;
}
