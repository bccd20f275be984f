// `kubectl describe pod`: identity, placement, status, every container (image, ports, state,
// last state, readiness, restarts, resources, probes, environment, mounts), conditions,
// volumes, QoS, node selectors, tolerations and events, laid out as upstream does.
// Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (describePod and helpers).

import type { Container, ContainerState, ContainerStatus, Pod, Probe, Volume } from '../../api/core';
import { age } from '../../api/duration';
import { controllerOf } from '../../api/meta';
import { canonicalQuantity } from '../../api/quantity';
import { qosClass } from '../../api/qos';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z, stringOrNone } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefix-writer';
import type { CoreEvent } from '../../api/core';

export interface DescribeClock {
  now: number;
  offset: (at: number) => number;
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined, clock: DescribeClock): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt, clock.offset)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt, clock.offset)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt, clock.offset)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const get = probe.httpGet;
    const host = get.host ?? '';
    return `http-get ${(get.scheme ?? '').toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${get.port}${get.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function fieldValue(pod: Pod, path: string): string {
  const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (label) return (label[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[label[2]] ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': pod.spec.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
    'status.podIPs': pod.status?.podIPs?.map((p) => p.ip).join(','),
  };
  return values[path] ?? '';
}

function describeResources(w: PrefixWriter, container: Container, level: number): void {
  const limits = container.resources?.limits ?? {};
  const requests = container.resources?.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n');
  for (const name of Object.keys(limits).sort()) w.write(level + 1, `${name}:\t${canonicalQuantity(limits[name])}\n`);
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n');
  for (const name of Object.keys(requests).sort()) w.write(level + 1, `${name}:\t${canonicalQuantity(requests[name])}\n`);
}

function describeEnv(w: PrefixWriter, pod: Pod | undefined, container: Container): void {
  if ((container.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n');
    for (const from of container.envFrom ?? []) {
      const kind = from.configMapRef ? 'ConfigMap' : from.secretRef ? 'Secret' : '';
      const ref = from.configMapRef ?? from.secretRef;
      const optional = Boolean(ref?.optional);
      if (from.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind} with prefix '${from.prefix}'\tOptional: ${optional}\n`);
      else w.write(LEVEL_3, `${ref?.name ?? ''}\t${kind}\tOptional: ${optional}\n`);
    }
  }
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${pod ? fieldValue(pod, from.fieldRef.fieldPath) : ''} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const [kind, name] = from.resourceFieldRef.resource.split('.');
      const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
      const raw = list?.[name];
      const value = raw === undefined ? (kind === 'limits' ? 'node allocatable' : '0') : canonicalQuantity(raw);
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${Boolean(from.secretKeyRef.optional)}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${Boolean(from.configMapKeyRef.optional)}\n`);
    }
  }
}

/**
 * The containers section; `space` indents it inside a pod template (`  Containers:`, with
 * names one space further in), and `pod` (absent for templates) resolves field references.
 */
export function describeContainers(w: PrefixWriter, label: string, pod: Pod | undefined, containers: readonly Container[], statuses: readonly ContainerStatus[] | undefined, clock: DescribeClock, space = ''): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space ? ' ' : '';
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name);
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ');
    w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, 'Command:\n');
      for (const part of c.command ?? []) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, 'Args:\n');
      for (const part of c.args ?? []) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state, clock);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState, clock);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, c, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, pod, c);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

/** An optional *bool as kubectl 1.32 prints it in projected sources: `<nil>` when unset. */
function optionalText(optional: boolean | undefined): string {
  return optional === undefined ? '<nil>' : String(optional);
}

function describeVolume(w: PrefixWriter, volume: Volume, nameIndent: string): void {
  w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
  if (volume.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type ?? '<none>'}\n`);
  } else if (volume.emptyDir) {
    const limit = volume.emptyDir.sizeLimit ? canonicalQuantity(volume.emptyDir.sizeLimit) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
  } else if (volume.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName}\n    Optional:\t${Boolean(volume.secret.optional)}\n`);
  } else if (volume.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name}\n    Optional:\t${Boolean(volume.configMap.optional)}\n`);
  } else if (volume.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n    ReadOnly:\t${Boolean(volume.persistentVolumeClaim.readOnly)}\n`);
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      else if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (volume.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of volume.projected.sources ?? []) {
      const secret = source.secret as { name?: string; optional?: boolean } | undefined;
      const cm = source.configMap as { name?: string; optional?: boolean } | undefined;
      const token = source.serviceAccountToken as { expirationSeconds?: number } | undefined;
      if (secret) w.write(LEVEL_2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${optionalText(secret.optional)}\n`);
      else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (cm) w.write(LEVEL_2, `ConfigMapName:\t${cm.name ?? ''}\n    ConfigMapOptional:\t${optionalText(cm.optional)}\n`);
      else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 0}\n`);
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** The volumes section, indented by `space` inside a pod template. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[], space = ''): void {
  if (volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) describeVolume(w, volume, space ? ' ' : '');
}

export function describePod(pod: Pod, events: readonly CoreEvent[] | undefined, clock: DescribeClock): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime, clock.offset)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, clock.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if ((status.podIPs ?? []).length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs ?? []) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const owner = controllerOf(pod.metadata);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', pod, spec.initContainers ?? [], status.initContainerStatuses, clock);
  describeContainers(w, 'Containers', pod, spec.containers, status.containerStatuses, clock);
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of spec.readinessGates ?? []) {
      const found = status.conditions?.find((c) => c.type === gate.conditionType)?.status ?? '<none>';
      w.write(LEVEL_1, `${gate.conditionType} \t${found} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes ?? []);
  w.write(LEVEL_0, `QoS Class:\t${qosClass(spec)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  if (events) describeEvents(events, w, clock.now);
  return w.toString();
}
