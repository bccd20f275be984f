// The exec (and attach) subresources over WebSocket for the real kubectl: the subprotocols
// v5.channel.k8s.io and v4.channel.k8s.io, where every binary message starts with its channel
// (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize; 255 closes a channel in v5). The exec
// starts before the upgrade, so a missing pod or container is an ordinary HTTP error; the end
// of the command is a Status on the error channel (NonZeroExitCode with the exit code as
// cause), then a normal close. Upstream: staging/src/k8s.io/apimachinery/pkg/util/httpstream/
// wsstream and staging/src/k8s.io/client-go/tools/remotecommand/websocket.go.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Status } from '../api/meta';
import { errorResponse } from '../apiserver/api-server';
import { errors } from '../apiserver/errors';
import type { ExecFrame, ExecInput } from '../apiserver/kubelet-connector';
import type { ApiRequest, ApiResponse, ApiTransport } from '../apiserver/request';
import { containerFor } from '../apiserver/subresources/exec';
import type { Pod } from '../api/core';
import { toApiRequest } from './http-bridge';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STREAM_PATH = /^\/api\/v1\/namespaces\/[^/]+\/pods\/[^/]+\/(exec|attach)$/;

/** Whether a path is one only an upgraded (WebSocket) connection may use. */
export function isStreamPath(path: string): boolean {
  return STREAM_PATH.test(path);
}

const enum Channel {
  Stdin = 0,
  Stdout = 1,
  Stderr = 2,
  Error = 3,
  Resize = 4,
  Close = 255,
}

/** The Status the kubelet reports at the end of a command. */
export function exitStatus(exitCode: number, command: string[]): Status {
  if (exitCode === 0) return { metadata: {}, status: 'Success' } as Status;
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: command '${command.join(' ')}' exited with ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  } as Status;
}

function frame(channel: Channel, data: string | Uint8Array): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return Buffer.concat([Buffer.from([channel]), body]);
}

function rejectUpgrade(socket: Duplex, response: ApiResponse): void {
  const body = JSON.stringify(response.body ?? null);
  const reason = response.status === 401 ? 'Unauthorized' : response.status === 404 ? 'Not Found' : response.status >= 500 ? 'Internal Server Error' : 'Bad Request';
  socket.end(`HTTP/1.1 ${response.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function chooseProtocol(header: string | undefined): string | undefined {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  return PROTOCOLS.find((p) => offered.includes(p));
}

function inputOf(data: Buffer): ExecInput | undefined {
  const channel = data[0];
  const body = data.subarray(1);
  if (channel === Channel.Stdin) return { stdin: body.toString('utf8') };
  if (channel === Channel.Close && body[0] === Channel.Stdin) return { stdinClose: true };
  if (channel === Channel.Resize) {
    try {
      const size = JSON.parse(body.toString('utf8')) as { Width?: number; Height?: number };
      return { resize: { cols: size.Width ?? 80, rows: size.Height ?? 24 } };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The answer to an upgrade in a protocol kubetab does not speak (SPDY): the pod's and
 * container's errors first, as the API server checks them before any upgrade (for attach,
 * which changes nothing, whatever the API server says about it), else the refusal.
 */
async function refusal(api: ApiTransport, request: ApiRequest): Promise<ApiResponse> {
  const podPath = request.path.slice(0, request.path.lastIndexOf('/'));
  const found = await api.request({ method: 'GET', path: podPath, headers: { accept: 'application/json' } });
  if (found.status >= 400) return found;
  try {
    containerFor(found.body as Pod, [request.query?.container ?? []].flat()[0]);
  } catch (error) {
    return errorResponse(error);
  }
  if (request.path.endsWith('/attach')) {
    const attached = await api.stream(request, { data: () => undefined, end: () => undefined });
    if (attached.streamId !== undefined) await api.cancel(attached.streamId);
    if (attached.status >= 400) return attached;
  }
  return errorResponse(errors.badRequest(`unable to upgrade: missing upgrade headers in request: only the WebSocket subprotocols ${PROTOCOLS.join(', ')} are supported`));
}

export interface ExecUpgrades {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

/** Serves exec and attach upgrades for an HTTP server; other upgrades are refused. */
export function execUpgrades(api: ApiTransport, token: string | undefined): ExecUpgrades {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false });

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (token && req.headers.authorization !== `Bearer ${token}`) return rejectUpgrade(socket, errorResponse(errors.unauthorized()));
    const request = toApiRequest(req, '');
    if (!STREAM_PATH.test(request.path)) return rejectUpgrade(socket, errorResponse(errors.badRequest(`upgrade requests are only served for pods/exec and pods/attach`)));
    if (!chooseProtocol(req.headers['sec-websocket-protocol'])) return rejectUpgrade(socket, await refusal(api, request));
    const command = [request.query?.command ?? []].flat();
    const pending: Buffer[] = [];
    let ws: WebSocket | undefined;
    let finished = false;
    const send = (data: Buffer) => {
      if (ws) ws.send(data);
      else pending.push(data);
    };
    const finish = () => {
      finished = true;
      if (ws) ws.close(1000);
    };
    const response = await api.stream(request, {
      data: (chunk) => {
        const execFrame = chunk as ExecFrame;
        if (execFrame.channel === 'exit') send(frame(Channel.Error, JSON.stringify(exitStatus(execFrame.exitCode, command))));
        else if (execFrame.channel === 'error') send(frame(Channel.Error, JSON.stringify(execFrame.status)));
        else send(frame(execFrame.channel === 'stdout' ? Channel.Stdout : Channel.Stderr, execFrame.data));
      },
      end: finish,
    });
    if (response.status >= 400 || response.streamId === undefined) return rejectUpgrade(socket, response.status >= 400 ? response : errorResponse(errors.internal('exec did not start a stream')));
    const streamId = response.streamId;
    wss.handleUpgrade(req, socket, head, (opened) => {
      ws = opened;
      for (const data of pending.splice(0)) opened.send(data);
      if (finished) opened.close(1000);
      opened.on('message', (data: RawData) => {
        const input = inputOf(Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer));
        if (input) void api.streamInput(streamId, input);
      });
      opened.on('close', () => {
        if (!finished) void api.cancel(streamId);
      });
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      upgrade(req, socket, head).catch((error: unknown) => {
        if (socket.writable) rejectUpgrade(socket, errorResponse(error));
      });
    },
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
