// Validation of pods and pod templates with upstream's field paths and messages. Upstream:
// pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers…).

import type { Container, PodSpec, Probe, Volume } from '../core';
import { fieldError, type FieldError } from '../field-errors';
import { isQuantity, parseQuantity } from '../quantity';
import { checkDns1123Label, checkDns1123Subdomain, checkQualifiedName, validateLabels } from './names';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const volumeNames = new Set<string>();
  (spec.volumes ?? []).forEach((volume, i) => errs.push(...validateVolume(volume, `${path}.volumes[${i}]`, volumeNames)));
  const names = new Set<string>();
  if (!spec.containers || spec.containers.length === 0) errs.push(fieldError.required(`${path}.containers`, ''));
  (spec.initContainers ?? []).forEach((c, i) => {
    errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names, volumeNames, true));
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
      errs.push(fieldError.notSupported(`${path}.initContainers[${i}].restartPolicy`, c.restartPolicy, ['Always']));
    }
    if (c.restartPolicy !== 'Always') {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[probe]) errs.push(fieldError.forbidden(`${path}.initContainers[${i}].${probe}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  (spec.containers ?? []).forEach((c, i) => {
    errs.push(...validateContainer(c, `${path}.containers[${i}]`, names, volumeNames, false));
    if (c.restartPolicy !== undefined) errs.push(fieldError.forbidden(`${path}.containers[${i}].restartPolicy`, 'may not be set for non-init containers'));
  });
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(fieldError.notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(fieldError.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(fieldError.invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds <= 0) {
    errs.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  if (spec.nodeName) for (const p of checkDns1123Subdomain(spec.nodeName)) errs.push(fieldError.invalid(`${path}.nodeName`, spec.nodeName, p));
  if (spec.serviceAccountName) {
    for (const p of checkDns1123Subdomain(spec.serviceAccountName)) errs.push(fieldError.invalid(`${path}.serviceAccountName`, spec.serviceAccountName, p));
  }
  (spec.tolerations ?? []).forEach((t, i) => {
    const at = `${path}.tolerations[${i}]`;
    if (t.key) for (const p of checkQualifiedName(t.key)) errs.push(fieldError.invalid(`${at}.key`, t.key, p));
    if (t.operator && t.operator !== 'Equal' && t.operator !== 'Exists') errs.push(fieldError.notSupported(`${at}.operator`, t.operator, ['Equal', 'Exists']));
    if (t.operator === 'Exists' && t.value) errs.push(fieldError.invalid(`${at}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(fieldError.notSupported(`${at}.effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(fieldError.invalid(`${at}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  });
  return errs;
}

function validateVolume(volume: Volume, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!volume.name) errs.push(fieldError.required(`${path}.name`, ''));
  else {
    for (const p of checkDns1123Label(volume.name)) errs.push(fieldError.invalid(`${path}.name`, volume.name, p));
    if (names.has(volume.name)) errs.push(fieldError.duplicate(`${path}.name`, volume.name));
    names.add(volume.name);
  }
  const sources = ['emptyDir', 'configMap', 'secret', 'downwardAPI', 'hostPath', 'persistentVolumeClaim', 'projected'].filter(
    (s) => (volume as unknown as Record<string, unknown>)[s] !== undefined,
  );
  if (sources.length === 0) errs.push(fieldError.required(path, 'must specify a volume type'));
  if (sources.length > 1) errs.push(fieldError.forbidden(`${path}.${sources[1]}`, 'may not specify more than 1 volume type'));
  if (volume.configMap && !volume.configMap.name) errs.push(fieldError.required(`${path}.configMap.name`, ''));
  if (volume.secret && !volume.secret.secretName) errs.push(fieldError.required(`${path}.secret.secretName`, ''));
  return errs;
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>, init: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fieldError.required(`${path}.name`, ''));
  else {
    for (const p of checkDns1123Label(c.name)) errs.push(fieldError.invalid(`${path}.name`, c.name, p));
    if (names.has(c.name)) errs.push(fieldError.duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image || c.image.trim() === '') errs.push(fieldError.required(`${path}.image`, ''));
  else if (c.image !== c.image.trim()) errs.push(fieldError.invalid(`${path}.image`, c.image, 'must not have leading or trailing whitespace'));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(fieldError.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    errs.push(fieldError.notSupported(`${path}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((port, i) => {
    const at = `${path}.ports[${i}]`;
    if (port.name) {
      if (port.name.length > 15 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])*$/.test(port.name) || !/[a-z]/.test(port.name)) {
        errs.push(fieldError.invalid(`${at}.name`, port.name, portNameProblem(port.name)));
      }
      if (portNames.has(port.name)) errs.push(fieldError.duplicate(`${at}.name`, port.name));
      portNames.add(port.name);
    }
    if (!Number.isInteger(port.containerPort) || port.containerPort < 1 || port.containerPort > 65535) {
      errs.push(fieldError.invalid(`${at}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'));
    }
    if (port.hostPort !== undefined && (port.hostPort < 1 || port.hostPort > 65535)) {
      errs.push(fieldError.invalid(`${at}.hostPort`, port.hostPort, 'must be between 1 and 65535, inclusive'));
    }
    if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) errs.push(fieldError.notSupported(`${at}.protocol`, port.protocol, PROTOCOLS));
  });
  (c.volumeMounts ?? []).forEach((mount, i) => {
    const at = `${path}.volumeMounts[${i}]`;
    if (!mount.name) errs.push(fieldError.required(`${at}.name`, ''));
    else if (!volumes.has(mount.name)) errs.push(fieldError.notFound(`${at}.name`, mount.name));
    if (!mount.mountPath) errs.push(fieldError.required(`${at}.mountPath`, ''));
  });
  (c.env ?? []).forEach((env, i) => {
    if (!env.name) errs.push(fieldError.required(`${path}.env[${i}].name`, ''));
    if (env.value !== undefined && env.value !== '' && env.valueFrom) {
      errs.push(fieldError.invalid(`${path}.env[${i}].valueFrom`, '', 'may not be specified when `value` is not empty'));
    }
  });
  errs.push(...validateResources(c, path));
  if (!init || c.restartPolicy === 'Always') {
    for (const name of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const probe = c[name];
      if (probe) errs.push(...validateProbe(probe, `${path}.${name}`, name));
    }
  }
  return errs;
}

function portNameProblem(name: string): string {
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
}

function validateResources(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  for (const [kind, list] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [name, value] of Object.entries(list)) {
      if (!isQuantity(value)) {
        errs.push(fieldError.invalid(`${path}.resources.${kind}[${name}]`, value, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
      } else if (parseQuantity(value) < 0) {
        errs.push(fieldError.invalid(`${path}.resources.${kind}[${name}]`, value, 'must be greater than or equal to 0'));
      }
    }
  }
  for (const [name, request] of Object.entries(requests)) {
    const limit = limits[name];
    if (limit !== undefined && isQuantity(limit) && isQuantity(request) && parseQuantity(request) > parseQuantity(limit)) {
      errs.push(fieldError.invalid(`${path}.resources.requests`, request, `must be less than or equal to ${name} limit of ${limit}`));
    }
  }
  return errs;
}

function validateProbe(probe: Probe, path: string, name: string): FieldError[] {
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => (probe as Record<string, unknown>)[h] !== undefined);
  if (handlers.length === 0) errs.push(fieldError.required(path, 'must specify a handler type'));
  if (handlers.length > 1) errs.push(fieldError.forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  if ((name === 'livenessProbe' || name === 'startupProbe') && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(fieldError.invalid(`${path}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const value = probe[field];
    if (value !== undefined && value < 0) errs.push(fieldError.invalid(`${path}.${field}`, value, 'must be greater than or equal to 0'));
  }
  return errs;
}
