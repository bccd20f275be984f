// stress (polinux/stress) and vish/stress: load generators for resource-limit lessons.
// `--vm N --vm-bytes B [--vm-hang S]` allocates B bytes of wasm memory and writes every page
// (so the memory is really used and a limit below B ends the container as OOMKilled),
// `--cpu N` spins, `--timeout T` ends the run. This is one process: N workers share it.

import { print, printErr } from "../lib/io";
import { args, basename, exit } from "../lib/process";
import { isDigit } from "../lib/text";
import { monotonicNs, NS_PER_SECOND, sleepMs } from "../lib/time";

const PAGE: usize = 4096;
const CHUNK: i64 = 1 << 20;

class Plan {
  cpu: i32 = 0;
  io: i32 = 0;
  vm: i32 = 0;
  hdd: i32 = 0;
  vmBytes: i64 = 256 << 20;
  /** Seconds to hold each allocation; -1 frees at once, 0 holds forever. */
  vmHang: i64 = -1;
  timeoutSeconds: i64 = 0;
  quiet: bool = false;
  bad: string = "";
}

/** `150M`, `1G`, `512k`, `100`: bytes (busybox-style suffixes, powers of 1024). */
function parseBytes(text: string): i64 {
  if (text.length == 0) return -1;
  let digits = text;
  let scale: i64 = 1;
  const last = text.charAt(text.length - 1).toUpperCase();
  if (last == "B" || last == "K" || last == "M" || last == "G") {
    digits = text.substring(0, text.length - 1);
    scale = last == "K" ? 1 << 10 : last == "M" ? 1 << 20 : last == "G" ? 1 << 30 : 1;
  }
  for (let i = 0; i < digits.length; i++) if (!isDigit(digits.charCodeAt(i))) return -1;
  return digits.length > 0 ? I64.parseInt(digits) * scale : -1;
}

/** `10`, `10s`, `2m`, `1h`, `1d`: seconds. */
function parseSeconds(text: string): i64 {
  if (text.length == 0) return -1;
  let digits = text;
  let scale: i64 = 1;
  const last = text.charAt(text.length - 1);
  if (last == "s" || last == "m" || last == "h" || last == "d" || last == "y") {
    digits = text.substring(0, text.length - 1);
    scale = last == "m" ? 60 : last == "h" ? 3600 : last == "d" ? 86400 : last == "y" ? 31536000 : 1;
  }
  for (let i = 0; i < digits.length; i++) if (!isDigit(digits.charCodeAt(i))) return -1;
  return digits.length > 0 ? I64.parseInt(digits) * scale : -1;
}

function parsePolinux(argv: string[]): Plan {
  const plan = new Plan();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const value = i + 1 < argv.length ? argv[i + 1] : "";
    if (arg == "-q" || arg == "--quiet") plan.quiet = true;
    else if (arg == "-v" || arg == "--verbose" || arg == "--vm-keep" || arg == "-n" || arg == "--dry-run") continue;
    else if (arg == "-c" || arg == "--cpu") { plan.cpu = I32.parseInt(value); i++; }
    else if (arg == "-i" || arg == "--io") { plan.io = I32.parseInt(value); i++; }
    else if (arg == "-m" || arg == "--vm") { plan.vm = I32.parseInt(value); i++; }
    else if (arg == "-d" || arg == "--hdd") { plan.hdd = I32.parseInt(value); i++; }
    else if (arg == "--vm-bytes" || arg == "--hdd-bytes" || arg == "--vm-stride" || arg == "--backoff") {
      if (arg == "--vm-bytes") plan.vmBytes = parseBytes(value);
      if (plan.vmBytes < 0) plan.bad = "invalid number: " + value;
      i++;
    } else if (arg == "--vm-hang") { plan.vmHang = parseSeconds(value); i++; }
    else if (arg == "-t" || arg == "--timeout") {
      plan.timeoutSeconds = parseSeconds(value);
      if (plan.timeoutSeconds < 0) plan.bad = "invalid time specification: " + value;
      i++;
    } else plan.bad = "unrecognized option: " + arg;
  }
  if (plan.bad.length == 0 && plan.cpu + plan.io + plan.vm + plan.hdd == 0) plan.bad = "no workers specified";
  return plan;
}

/** vish/stress: `-cpus N`, `-mem-total B`; it runs until stopped. */
function parseVish(argv: string[]): Plan {
  const plan = new Plan();
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i].startsWith("--") ? argv[i].substring(1) : argv[i];
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.substring(0, eq) : arg;
    const value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < argv.length ? argv[++i] : "";
    if (name == "-cpus") plan.cpu = I32.parseInt(value);
    else if (name == "-mem-total") {
      plan.vm = 1;
      plan.vmBytes = parseBytes(value);
      plan.vmHang = 0;
    } else if (name == "-mem-alloc-size" || name == "-mem-alloc-sleep" || name == "-logtostderr" || name == "-v") continue;
    else plan.bad = "flag provided but not defined: " + name;
  }
  return plan;
}

/**
 * Allocates `bytes` a megabyte at a time, writing one byte in every page, as a process's
 * resident memory grows: under a limit, memory runs out near the limit, not at once.
 */
function allocate(bytes: i64): usize[] {
  const blocks = new Array<usize>();
  for (let done: i64 = 0; done < bytes; done += CHUNK) {
    const size = usize(min<i64>(CHUNK, bytes - done));
    const block = heap.alloc(size);
    for (let offset: usize = 0; offset < size; offset += PAGE) store<u8>(block + offset, u8(offset >> 12));
    blocks.push(block);
  }
  return blocks;
}

function release(blocks: usize[]): void {
  for (let i = 0; i < blocks.length; i++) heap.free(blocks[i]);
}

function expired(deadline: i64): bool {
  return deadline > 0 && monotonicNs() >= deadline;
}

function spin(deadline: i64): void {
  let x: f64 = 1;
  while (!expired(deadline)) {
    for (let i = 0; i < 1_000_000; i++) x = Math.sqrt(x + f64(i));
  }
}

function run(plan: Plan): i32 {
  const started = monotonicNs();
  const deadline = plan.timeoutSeconds > 0 ? started + plan.timeoutSeconds * NS_PER_SECOND : 0;
  if (!plan.quiet) {
    print("stress: info: [1] dispatching hogs: " + plan.cpu.toString() + " cpu, " + plan.io.toString() + " io, " + plan.vm.toString() +
      " vm, " + plan.hdd.toString() + " hdd\n");
  }
  while (!expired(deadline)) {
    if (plan.vm > 0) {
      const blocks = allocate(plan.vmBytes);
      if (plan.vmHang == 0) {
        while (!expired(deadline)) sleepMs(deadline > 0 ? min<i64>(1000, (deadline - monotonicNs()) / 1_000_000 + 1) : 3600_000);
      } else if (plan.vmHang > 0) sleepMs(plan.vmHang * 1000);
      release(blocks);
    } else if (plan.cpu > 0) spin(deadline);
    else sleepMs(1000);
  }
  if (!plan.quiet) print("stress: info: [1] successful run completed in " + ((monotonicNs() - started) / NS_PER_SECOND).toString() + "s\n");
  return 0;
}

function main(): i32 {
  const argv = args();
  const vish = argv.length > 1 && argv[1].startsWith("-") && !argv[1].startsWith("--") && argv[1].length > 2;
  const plan = vish ? parseVish(argv) : parsePolinux(argv);
  if (argv.length < 2 || argv[1] == "--help" || argv[1] == "-?") {
    print("`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n" +
      " -?, --help         show this help statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n" +
      " -t, --timeout N    timeout after N seconds\n -c, --cpu N        spawn N workers spinning on sqrt()\n" +
      " -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n" +
      "     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n");
    return argv.length < 2 ? 1 : 0;
  }
  if (plan.bad.length > 0) {
    printErr(basename(argv[0]) + ": FAIL: [1] (" + plan.bad + ")\n");
    return 1;
  }
  return run(plan);
}

exit(main());
