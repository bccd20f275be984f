// Waiting on several descriptors at once (poll_oneoff with fd_read subscriptions), with an
// optional timeout: the heart of a server loop and of reads that must time out.

import { clock, errno, eventtype, poll_oneoff, EVENT_SIZE, SUBSCRIPTION_SIZE } from "./wasi";
import { NS_PER_MS } from "./time";

const TIMEOUT_USERDATA: u64 = 0xffff_ffff_ffff;

export class PollResult {
  /** Descriptors that are readable (or at end of stream, or in error: a read will tell). */
  readable: u32[] = [];
  timedOut: bool = false;
  /** A handled signal is pending (kubetab_proc.take_signal says which). */
  interrupted: bool = false;
}

/** Waits until one of `fds` is readable, `timeoutMs` passes (-1: no timeout) or a signal arrives. */
export function pollReadable(fds: u32[], timeoutMs: i64): PollResult {
  const count = fds.length + (timeoutMs >= 0 ? 1 : 0);
  const subscriptions = new ArrayBuffer(i32(SUBSCRIPTION_SIZE) * count);
  const events = new ArrayBuffer(i32(EVENT_SIZE) * count);
  const base = changetype<usize>(subscriptions);
  for (let i = 0; i < fds.length; i++) {
    const sub = base + usize(i) * SUBSCRIPTION_SIZE;
    store<u64>(sub, u64(fds[i]));
    store<u8>(sub, eventtype.FD_READ, 8);
    store<u32>(sub, fds[i], 16);
  }
  if (timeoutMs >= 0) {
    const sub = base + usize(fds.length) * SUBSCRIPTION_SIZE;
    store<u64>(sub, TIMEOUT_USERDATA);
    store<u8>(sub, eventtype.CLOCK, 8);
    store<u32>(sub, clock.MONOTONIC, 16);
    store<i64>(sub, timeoutMs * NS_PER_MS, 24);
  }
  const nevents = memory.data(8);
  const result = new PollResult();
  const code = poll_oneoff(base, changetype<usize>(events), count, nevents);
  if (code == errno.INTR) {
    result.interrupted = true;
    return result;
  }
  const n = code == 0 ? load<u32>(nevents) : 0;
  for (let i: u32 = 0; i < n; i++) {
    const event = changetype<usize>(events) + usize(i) * EVENT_SIZE;
    const userdata = load<u64>(event);
    if (userdata == TIMEOUT_USERDATA) result.timedOut = true;
    else result.readable.push(u32(userdata));
  }
  return result;
}
