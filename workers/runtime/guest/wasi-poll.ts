// WASI preview1 poll_oneoff: waits for the first of several clock deadlines (on the cluster
// clock) and descriptor readiness (stdin, sockets, listeners, files), without using CPU.

import { Errno } from '../wasi/errno';
import { EVENT_SIZE, EventRwFlags, EventType, SUBSCRIPTION_SIZE, SubclockFlags } from '../wasi/layout';
import type { Descriptor } from './descriptors';
import type { HostFunction } from './host-function';
import { WOULD_BLOCK, type ProcessContext } from './process-context';
import { clockNanos } from './wasi-process';

interface Subscription {
  userdata: bigint;
  type: number;
  /** Cluster time (ms) a clock subscription fires at; NaN for an unknown clock. */
  deadline: number;
  fd: number;
}

interface Readiness {
  error: number;
  nbytes: number;
  hangup: boolean;
}

function readReadiness(ctx: ProcessContext, d: Descriptor | undefined): Readiness | undefined {
  if (!d) return { error: Errno.BADF, nbytes: 0, hangup: false };
  switch (d.kind) {
    case 'stdin':
      return ctx.stdin.readable ? { error: 0, nbytes: ctx.stdin.available, hangup: ctx.stdin.ended } : undefined;
    case 'socket':
      return d.inbound.readable ? { error: 0, nbytes: d.inbound.available, hangup: d.inbound.ended } : undefined;
    case 'listener':
      return d.backlog.length > 0 ? { error: 0, nbytes: d.backlog.length, hangup: false } : undefined;
    case 'file':
      return { error: 0, nbytes: Math.max(0, d.node.size - d.position), hangup: false };
    default:
      return { error: Errno.BADF, nbytes: 0, hangup: false };
  }
}

function writeReadiness(d: Descriptor | undefined): Readiness {
  if (!d || d.kind === 'stdin' || d.kind === 'dir' || d.kind === 'listener') return { error: Errno.BADF, nbytes: 0, hangup: false };
  if (d.kind === 'socket' && d.writeShut) return { error: Errno.PIPE, nbytes: 0, hangup: true };
  return { error: 0, nbytes: 65536, hangup: false };
}

export function pollFunctions(ctx: ProcessContext): Record<string, HostFunction> {
  const { memory } = ctx;
  return {
    poll_oneoff: (inPtr: number, outPtr: number, count: number, neventsPtr: number) => {
      if (count === 0) return Errno.INVAL;
      const subscriptions: Subscription[] = [];
      for (let i = 0; i < count; i++) {
        const base = inPtr + i * SUBSCRIPTION_SIZE;
        const type = memory.bytes[base + 8];
        const subscription: Subscription = { userdata: memory.u64(base), type, deadline: NaN, fd: -1 };
        if (type === EventType.CLOCK) {
          const now = clockNanos(ctx, memory.u32(base + 16));
          const timeout = memory.u64(base + 24);
          const absolute = (memory.view.getUint16(base + 40, true) & SubclockFlags.ABSTIME) !== 0;
          if (now !== undefined) subscription.deadline = Number(absolute ? timeout : now + timeout) / 1e6;
        } else {
          subscription.fd = memory.u32(base + 16);
        }
        subscriptions.push(subscription);
      }
      const clocks = subscriptions.filter((s) => s.type === EventType.CLOCK && !Number.isNaN(s.deadline));
      const deadline = clocks.length > 0 ? Math.min(...clocks.map((s) => s.deadline)) : undefined;

      const attempt = (): number => {
        const events: { userdata: bigint; type: number; readiness: Readiness }[] = [];
        const now = ctx.clock.now();
        for (const s of subscriptions) {
          if (s.type === EventType.CLOCK) {
            if (Number.isNaN(s.deadline)) events.push({ userdata: s.userdata, type: s.type, readiness: { error: Errno.INVAL, nbytes: 0, hangup: false } });
            else if (now >= s.deadline) events.push({ userdata: s.userdata, type: s.type, readiness: { error: 0, nbytes: 0, hangup: false } });
          } else {
            const d = ctx.fds.get(s.fd);
            const readiness = s.type === EventType.FD_READ ? readReadiness(ctx, d) : writeReadiness(d);
            if (readiness) events.push({ userdata: s.userdata, type: s.type, readiness });
          }
        }
        if (events.length === 0) return WOULD_BLOCK;
        events.forEach((event, i) => {
          const base = outPtr + i * EVENT_SIZE;
          memory.write(base, new Uint8Array(EVENT_SIZE));
          memory.setU64(base, event.userdata);
          memory.setU16(base + 8, event.readiness.error);
          memory.setU8(base + 10, event.type);
          memory.setU64(base + 16, event.readiness.nbytes);
          memory.setU16(base + 24, event.readiness.hangup ? EventRwFlags.HANGUP : 0);
        });
        memory.setU32(neventsPtr, events.length);
        return Errno.SUCCESS;
      };
      return ctx.block(attempt, deadline);
    },
  };
}
