// WASI preview1 socket functions on kubetab_net sockets: accepting connections, receiving,
// sending and shutting down.

import { Errno } from '../wasi/errno';
import { FdFlags, RiFlags, SdFlags } from '../wasi/layout';
import type { HostModule } from './host-function';
import { WOULD_BLOCK, type ProcessContext } from './process-context';
import { readStream } from './wasi-fd';

export function sockFunctions(ctx: ProcessContext): HostModule {
  const { memory, fds } = ctx;
  const nonblocking = (fd: number): boolean => {
    const d = fds.get(fd);
    return d !== undefined && ((ctx.fdFlags.get(d) ?? 0) & FdFlags.NONBLOCK) !== 0;
  };
  return {
    blocking: {
      sock_accept: (fd: number, flags: number, fdPtr: number) => {
        const listener = fds.get(fd);
        if (!listener) return Errno.BADF;
        if (listener.kind !== 'listener') return Errno.NOTSOCK;
        return ctx.block(() => {
          const next = listener.backlog.shift();
          if (!next) return nonblocking(fd) ? Errno.AGAIN : WOULD_BLOCK;
          const socket = { kind: 'socket' as const, connId: next.connId, remote: next.remote, inbound: ctx.connectionInbound(next.connId), writeShut: false };
          const accepted = fds.add(socket);
          if (accepted === undefined) {
            ctx.host.closeConnection(next.connId);
            return Errno.MFILE;
          }
          ctx.fdFlags.set(socket, flags & FdFlags.NONBLOCK);
          memory.setU32(fdPtr, accepted);
          return Errno.SUCCESS;
        });
      },
      sock_recv: (fd: number, iovs: number, count: number, riFlags: number, nreadPtr: number, roFlagsPtr: number) => {
        const d = fds.get(fd);
        if (!d) return Errno.BADF;
        if (d.kind !== 'socket') return Errno.NOTSOCK;
        memory.setU16(roFlagsPtr, 0);
        return readStream(ctx, d.inbound, iovs, count, nreadPtr, nonblocking(fd), (riFlags & RiFlags.PEEK) !== 0);
      },
    },
    immediate: {
      sock_send: (fd: number, iovs: number, count: number, _siFlags: number, nwrittenPtr: number) => {
        const d = fds.get(fd);
        if (!d) return Errno.BADF;
        if (d.kind !== 'socket') return Errno.NOTSOCK;
        if (d.writeShut) return Errno.PIPE;
        const data = memory.gather(iovs, count);
        if (data.length > 0) ctx.host.send(d.connId, data);
        memory.setU32(nwrittenPtr, data.length);
        return Errno.SUCCESS;
      },
      sock_shutdown: (fd: number, how: number) => {
        const d = fds.get(fd);
        if (!d) return Errno.BADF;
        if (d.kind !== 'socket') return Errno.NOTSOCK;
        if ((how & SdFlags.WR) !== 0 && !d.writeShut) {
          d.writeShut = true;
          ctx.host.shutdown(d.connId);
        }
        if ((how & SdFlags.RD) !== 0) d.inbound.ended = true;
        return Errno.SUCCESS;
      },
    },
  };
}
