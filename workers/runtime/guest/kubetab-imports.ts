// The kubetab extensions to WASI (workers/images/README.md): `kubetab_proc` (declaring and
// taking handled signals, the process's PID, its container's processes, and signalling them)
// and `kubetab_net` (listen, connect, resolve, peer, local_ip).

import { Errno } from '../wasi/errno';
import type { HostModule } from './host-function';
import { awaitHostCall } from './host-call';
import type { ProcessContext } from './process-context';

const SIGKILL = 9;
const HIGHEST_SIGNAL = 31;

export function kubetabProc(ctx: ProcessContext): HostModule {
  return {
    immediate: {
      pid: () => ctx.spec.pid,
      processes: (buf: number, bufLen: number, lenPtr: number) => {
        const text = ctx.processes.map((p) => `${p.pid} ${p.command}\n`).join('');
        ctx.memory.setU32(lenPtr, ctx.memory.writeString(buf, bufLen, text));
        return Errno.SUCCESS;
      },
      kill: (pid: number, signo: number) => {
        if (signo < 0 || signo > HIGHEST_SIGNAL) return Errno.INVAL;
        if (!ctx.processes.some((p) => p.pid === pid)) return Errno.SRCH;
        if (signo !== 0) ctx.host.signalProcess(pid, signo);
        return Errno.SUCCESS;
      },
      signals: (mask: number) => {
        ctx.handledSignals = mask & ~(1 << SIGKILL);
        ctx.host.handleSignals(ctx.handledSignals);
        return Errno.SUCCESS;
      },
      take_signal: () => {
        const ready = ctx.pendingSignals & ctx.handledSignals;
        if (ready === 0) return 0;
        const signo = 31 - Math.clz32(ready & -ready);
        ctx.pendingSignals &= ~(1 << signo);
        return signo;
      },
    },
    blocking: {},
  };
}

export function kubetabNet(ctx: ProcessContext): HostModule {
  const { memory, fds } = ctx;
  let nextListener = ctx.spec.listenerIdBase;
  const writeText = (text: string, buf: number, bufLen: number, lenPtr: number): number => {
    memory.setU32(lenPtr, memory.writeString(buf, bufLen, text));
    return Errno.SUCCESS;
  };
  return {
    immediate: {
      listen: (port: number, fdPtr: number) => {
        if (port <= 0 || port > 65535) return Errno.INVAL;
        if (ctx.podPorts.has(port)) return Errno.ADDRINUSE;
        const listener = { kind: 'listener' as const, listenerId: nextListener++, port, backlog: [] };
        const fd = fds.add(listener);
        if (fd === undefined) return Errno.MFILE;
        ctx.podPorts.add(port);
        ctx.listeners.set(listener.listenerId, listener);
        ctx.host.listen(listener.listenerId, port);
        memory.setU32(fdPtr, fd);
        return Errno.SUCCESS;
      },
      peer: (fd: number, buf: number, bufLen: number, lenPtr: number) => {
        const d = fds.get(fd);
        if (!d) return Errno.BADF;
        if (d.kind !== 'socket') return Errno.NOTSOCK;
        return writeText(d.remote, buf, bufLen, lenPtr);
      },
      local_ip: (buf: number, bufLen: number, lenPtr: number) => writeText(ctx.spec.podIP, buf, bufLen, lenPtr),
    },
    blocking: {
      connect: (hostPtr: number, hostLen: number, port: number, fdPtr: number) => {
        const host = memory.string(hostPtr, hostLen);
        return awaitHostCall(
          ctx,
          ctx.host.connect(host, port),
          (result) => {
            if ('errno' in result) return result.errno;
            const socket = { kind: 'socket' as const, connId: result.connId, remote: result.remote, inbound: ctx.connectionInbound(result.connId), writeShut: false };
            const fd = fds.add(socket);
            if (fd === undefined) {
              ctx.host.closeConnection(result.connId);
              return Errno.MFILE;
            }
            memory.setU32(fdPtr, fd);
            return Errno.SUCCESS;
          },
          (result) => {
            if ('connId' in result) ctx.host.closeConnection(result.connId);
          },
        );
      },
      resolve: (hostPtr: number, hostLen: number, buf: number, bufLen: number, lenPtr: number) => {
        const host = memory.string(hostPtr, hostLen);
        return awaitHostCall(
          ctx,
          ctx.host.resolve(host),
          (addresses) => (addresses.length === 0 ? Errno.NOENT : writeText(addresses.join('\n'), buf, bufLen, lenPtr)),
          () => undefined,
        );
      },
    },
  };
}
