// Network applets over kubetab_net: wget (HTTP only, as in the busybox image, which has no
// ssl_client) and nslookup against the cluster DNS named in /etc/resolv.conf.

import { readFile, writeFile } from "../../lib/fs";
import { Failure, httpRequest } from "../../lib/http-client";
import { isIpAddress, parseUrl } from "../../lib/http";
import { lastErrno } from "../../lib/io";
import { basename } from "../../lib/process";
import { resolve } from "../../lib/net";
import { isInteger, splitWhitespace } from "../../lib/text";
import { errno, errnoMessage } from "../../lib/wasi";
import { Context, interruptedStatus } from "../context";

class WgetOptions {
  quiet: bool = false;
  output: string | null = null;
  timeoutSeconds: i64 = 900;
  spider: bool = false;
  url: string = "";
  bad: bool = false;
}

/** Letters of wget's short options that take a value. */
const WGET_VALUED = "OoPTUY";

function wgetOption(opts: WgetOptions, letter: string, value: string): void {
  if (letter == "q") opts.quiet = true;
  else if (letter == "s") opts.spider = true;
  else if (letter == "O") opts.output = value;
  else if (letter == "T") opts.timeoutSeconds = parseSeconds(value);
}

/** Long options, `--name=value` or `--name value`; returns how many extra arguments it used. */
function wgetLongOption(ctx: Context, opts: WgetOptions, i: i32): i32 {
  const arg = ctx.args[i];
  const eq = arg.indexOf("=");
  const name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
  const flags = ["quiet", "spider", "continue", "no-check-certificate", "no-cache", "server-response"];
  if (flags.includes(name)) {
    wgetOption(opts, name == "quiet" ? "q" : name == "spider" ? "s" : "", "");
    return 0;
  }
  const valued = ["output-document", "timeout", "output-file", "directory-prefix", "user-agent", "header", "proxy", "post-data", "post-file"];
  if (!valued.includes(name)) {
    ctx.error("unrecognized option '" + arg + "'");
    opts.bad = true;
    return 0;
  }
  const value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < ctx.args.length ? ctx.args[i + 1] : "";
  wgetOption(opts, name == "output-document" ? "O" : name == "timeout" ? "T" : "", value);
  return eq >= 0 ? 0 : 1;
}

/** getopt's way: clusters like `-qO-` or `-qO /dev/null`, long options, operands anywhere. */
function parseWget(ctx: Context): WgetOptions {
  const opts = new WgetOptions();
  for (let i = 1; i < ctx.args.length && !opts.bad; i++) {
    const arg = ctx.args[i];
    if (arg.startsWith("--") && arg.length > 2) {
      i += wgetLongOption(ctx, opts, i);
      continue;
    }
    if (arg.length < 2 || !arg.startsWith("-")) {
      opts.url = arg;
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      if (WGET_VALUED.includes(letter)) {
        const value = k + 1 < arg.length ? arg.substring(k + 1) : i + 1 < ctx.args.length ? ctx.args[++i] : "";
        wgetOption(opts, letter, value);
        break;
      }
      if (letter != "q" && letter != "c" && letter != "s" && letter != "S") {
        ctx.error("unrecognized option: " + letter);
        opts.bad = true;
        break;
      }
      wgetOption(opts, letter, "");
    }
  }
  if (!opts.bad && opts.timeoutSeconds < 0) {
    ctx.error("invalid number");
    opts.bad = true;
  }
  return opts;
}

function parseSeconds(text: string): i64 {
  return isInteger(text) ? I64.parseInt(text) : -1;
}

function progressLine(name: string, size: i32): string {
  return name.padEnd(20, " ").substring(0, 20) + "100% |" + "*".repeat(32) + "| " + size.toString().padStart(5, " ") + "  0:00:00 ETA\n";
}

export function wget(ctx: Context): i32 {
  const opts = parseWget(ctx);
  if (opts.bad || opts.url.length == 0) {
    if (!opts.bad) ctx.stderr.write("Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [-U STR] [-T SEC] URL...\n");
    return 1;
  }
  const text = opts.url.includes("://") ? opts.url : "http://" + opts.url;
  const url = parseUrl(text);
  if (url === null) {
    ctx.error("bad address '" + opts.url + "'");
    return 1;
  }
  if (url.scheme == "https") {
    ctx.error("can't execute 'ssl_client': No such file or directory");
    ctx.error("error getting response: Connection reset by peer");
    return 1;
  }
  if (url.scheme != "http") {
    ctx.error("not an http or ftp url: " + opts.url);
    return 1;
  }
  const response = httpRequest(url, opts.spider ? "HEAD" : "GET", "Wget", opts.timeoutSeconds * 1000);
  const hostPort = url.host + (url.hasExplicitPort ? ":" + url.port.toString() : "");
  if (response.failure == Failure.BadAddress) {
    ctx.error("bad address '" + hostPort + "'");
    return 1;
  }
  if (!opts.quiet) ctx.stderr.write("Connecting to " + hostPort + " (" + response.address + ":" + url.port.toString() + ")\n");
  if (response.failure == Failure.Connect) {
    ctx.error("can't connect to remote host (" + response.address + "): " + errnoMessage(response.errno));
    return 1;
  }
  if (response.failure == Failure.Timeout) {
    ctx.error("download timed out");
    return 1;
  }
  if (response.failure == Failure.Interrupted) return interruptedStatus;
  if (response.failure == Failure.Protocol) {
    ctx.error("error getting response: " + errnoMessage(response.errno));
    return 1;
  }
  if (response.status >= 400) {
    ctx.error("server returned error: " + response.statusLine);
    return 1;
  }
  if (opts.spider) {
    if (!opts.quiet) ctx.stderr.write("remote file exists\n");
    return 0;
  }
  const path = url.target.indexOf("?") >= 0 ? url.target.substring(0, url.target.indexOf("?")) : url.target;
  const output = opts.output !== null ? <string>opts.output : (basename(path).length > 0 && path != "/" ? basename(path) : "index.html");
  const toStdout = output == "-";
  if (!opts.quiet) ctx.stderr.write(toStdout ? "writing to stdout\n" : "saving to '" + output + "'\n");
  if (toStdout) ctx.stdout.writeBytes(response.body.toBuffer());
  else {
    const code = writeFile(output, response.body.toBuffer());
    if (code != 0) {
      ctx.error("can't open '" + output + "': " + errnoMessage(code));
      return 1;
    }
  }
  if (!opts.quiet) {
    ctx.stderr.write(progressLine(output, response.body.length));
    ctx.stderr.write(toStdout ? "written to stdout\n" : "'" + output + "' saved\n");
  }
  return 0;
}

class ResolverConfig {
  nameserver: string = "10.96.0.10";
  search: string[] = [];
  ndots: i32 = 1;
}

function resolverConfig(): ResolverConfig {
  const config = new ResolverConfig();
  const text = readFile("/etc/resolv.conf");
  if (text === null) return config;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const words = splitWhitespace(lines[i]);
    if (words.length < 2) continue;
    if (words[0] == "nameserver") config.nameserver = words[1];
    else if (words[0] == "search") config.search = words.slice(1);
    else if (words[0] == "options") {
      for (let j = 1; j < words.length; j++) if (words[j].startsWith("ndots:")) config.ndots = I32.parseInt(words[j].substring(6));
    }
  }
  return config;
}

/** The names to try for `name`, in resolv.conf order (search list first below ndots dots). */
function candidates(name: string, config: ResolverConfig): string[] {
  if (name.endsWith(".")) return [name.substring(0, name.length - 1)];
  let dots = 0;
  for (let i = 0; i < name.length; i++) if (name.charAt(i) == ".") dots++;
  const searched = new Array<string>();
  for (let i = 0; i < config.search.length; i++) searched.push(name + "." + config.search[i]);
  if (dots >= config.ndots) return [name].concat(searched);
  searched.push(name);
  return searched;
}

export function nslookup(ctx: Context): i32 {
  const operands = new Array<string>();
  for (let i = 1; i < ctx.args.length; i++) if (!ctx.args[i].startsWith("-")) operands.push(ctx.args[i]);
  if (operands.length == 0 || operands.length > 2) {
    ctx.stderr.write("Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n");
    return 1;
  }
  const config = resolverConfig();
  const server = operands.length > 1 ? operands[1] : config.nameserver;
  const name = operands[0];
  ctx.out("Server:\t\t" + server + "\nAddress:\t" + server + ":53\n\n");
  if (isIpAddress(name)) {
    ctx.out("** server can't find " + name.split(".").reverse().join(".") + ".in-addr.arpa: NXDOMAIN\n\n");
    return 1;
  }
  const names = candidates(name, config);
  for (let i = 0; i < names.length; i++) {
    const addresses = resolve(names[i] + ".");
    if (addresses === null || addresses.length == 0) continue;
    for (let j = 0; j < addresses.length; j++) ctx.out("Name:\t" + names[i] + "\nAddress: " + addresses[j] + "\n");
    ctx.out("\n");
    return 0;
  }
  const direct = resolve(name);
  if (direct !== null && direct.length > 0) {
    for (let j = 0; j < direct.length; j++) ctx.out("Name:\t" + name + "\nAddress: " + direct[j] + "\n");
    ctx.out("\n");
    return 0;
  }
  if (lastErrno != 0 && lastErrno != errno.NOENT) {
    ctx.out(";; connection timed out; no servers could be reached\n\n");
    return 1;
  }
  ctx.out("** server can't find " + name + ": NXDOMAIN\n\n** server can't find " + name + ": NXDOMAIN\n\n");
  return 1;
}
