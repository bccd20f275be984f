// Defaults for pods and pod templates, as the API server applies them on decode. Upstream:
// pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe…).

import type { Container, PodSpec, Probe } from '../core';
import { canonicalQuantity } from '../quantity';

export function defaultPodSpec(spec: PodSpec): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  spec.containers ??= [];
  for (const container of spec.containers) defaultContainer(container);
  for (const container of spec.initContainers ?? []) defaultContainer(container);
  for (const volume of spec.volumes ?? []) {
    if (volume.configMap) volume.configMap.defaultMode ??= 0o644;
    if (volume.secret) volume.secret.defaultMode ??= 0o644;
    if (volume.downwardAPI) volume.downwardAPI.defaultMode ??= 0o644;
    if (volume.hostPath) volume.hostPath.type ??= '';
    if (volume.projected) volume.projected.defaultMode ??= 0o644;
  }
  for (const toleration of spec.tolerations ?? []) {
    if (toleration.operator === undefined && toleration.key !== undefined) toleration.operator = 'Equal';
  }
}

/** `Always` for `:latest` or no tag, else `IfNotPresent` (digests count as tagged). */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  const tag = colon < 0 ? '' : image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultContainer(container: Container): void {
  container.imagePullPolicy ??= defaultPullPolicy(container.image);
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  const resources = container.resources;
  if (resources.limits) {
    for (const [name, value] of Object.entries(resources.limits)) resources.limits[name] = canonicalQuantity(value);
    resources.requests ??= {};
    for (const [name, value] of Object.entries(resources.limits)) resources.requests[name] ??= value;
  }
  if (resources.requests) {
    for (const [name, value] of Object.entries(resources.requests)) resources.requests[name] = canonicalQuantity(value);
  }
  for (const port of container.ports ?? []) port.protocol ??= 'TCP';
  for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
    if (probe) defaultProbe(probe);
  }
  for (const handler of [container.lifecycle?.postStart, container.lifecycle?.preStop]) {
    if (handler?.httpGet) {
      handler.httpGet.path ??= '/';
      handler.httpGet.scheme ??= 'HTTP';
    }
  }
}

export function defaultProbe(probe: Probe): void {
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ??= '/';
    probe.httpGet.scheme ??= 'HTTP';
  }
}
