// The control-plane node's kubelet endpoint, which the API server proxies pods/log, pods/exec
// and pods/attach to for the static pods: their logs (see component-logs), and exec refused as
// containerd refuses it in kubeadm's images, which hold no shell or other tools.

import type { AttachOptions, ExecInput, ExecOptions, KubeletEndpoint, LogOptions } from '../../apiserver/kubelet-connector';
import { errors } from '../../apiserver/errors';
import type { StreamSink } from '../../apiserver/request';
import { ContainerLog, logReadOptions } from '../../../workers/node/kubelet/container-log';
import { sendExecFailure } from '../../../workers/node/kubelet/exec-failure';
import type { ClusterClock } from '../clock';
import { componentLog, type LogFacts } from './component-logs';
import { STATIC_POD_COMPONENTS, type StaticPodComponent } from './manifests';

export class ControlPlaneKubelet implements KubeletEndpoint {
  private readonly open = new Map<number, StreamSink>();
  /** Stream ids count down from -1, apart from the node worker's (see control-plane-endpoint). */
  private nextId = -1;

  constructor(
    private readonly nodeName: string,
    private readonly clock: ClusterClock,
    private readonly facts: LogFacts,
  ) {}

  /** The static pod's component, checked against the pod and container asked for. */
  private component(pod: string, container: string): StaticPodComponent {
    const component = STATIC_POD_COMPONENTS.find((c) => pod === `${c}-${this.nodeName}`);
    if (!component) throw errors.notFound({ group: '', resource: 'pods' }, pod);
    if (container !== component) throw errors.badRequest(`container ${container} is not valid for pod ${pod}`);
    return component;
  }

  private keepOpen(sink: StreamSink): { streamId: number } {
    const streamId = this.nextId--;
    this.open.set(streamId, sink);
    return { streamId };
  }

  async containerLogs(options: LogOptions, sink: StreamSink): Promise<{ streamId: number }> {
    const component = this.component(options.pod, options.container);
    if (options.previous) throw errors.badRequest(`previous terminated container "${options.container}" in pod "${options.pod}" not found`);
    const log = new ContainerLog();
    for (const line of await componentLog(component, this.facts)) log.append('stdout', `${line.text}\n`, line.at);
    const text = log.read(logReadOptions(options, this.clock.now()));
    if (text) sink.data(text);
    if (options.follow) return this.keepOpen(sink);
    sink.end();
    return { streamId: this.nextId-- };
  }

  /** Answers, once the stream is up, with the runtime's failure to find the command. */
  async exec(options: ExecOptions, sink: StreamSink): Promise<{ streamId: number }> {
    this.component(options.pod, options.container);
    sendExecFailure(sink, `OCI runtime exec failed: exec failed: unable to start container process: exec: "${options.command[0] ?? ''}": executable file not found in $PATH: unknown`);
    return { streamId: this.nextId-- };
  }

  /** Attaches to the component's output; it writes nothing more after starting, so the stream stays quiet until detached. */
  async attach(options: AttachOptions, sink: StreamSink): Promise<{ streamId: number }> {
    this.component(options.pod, options.container);
    return this.keepOpen(sink);
  }

  async streamInput(_streamId: number, _input: ExecInput): Promise<void> {}

  async cancel(streamId: number): Promise<void> {
    const sink = this.open.get(streamId);
    this.open.delete(streamId);
    sink?.end();
  }
}
