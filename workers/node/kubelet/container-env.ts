// A container's environment and command line as the kubelet builds them: service links,
// envFrom, env (values, configMap/secret keys, field and resource references), `$(VAR)`
// expansion, HOSTNAME, and Docker's ENTRYPOINT/CMD rules for command and args. Missing
// references fail with CreateContainerConfigError's messages. Upstream:
// pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables), third_party/forked/golang/expansion.

import type { ConfigMap, Container, Pod, Secret, Service } from '../../../src/api/core';
import { parseQuantity } from '../../../src/api/quantity';

export class ContainerConfigError extends Error {}

export interface EnvSources {
  configMap(namespace: string, name: string): Promise<ConfigMap | undefined>;
  secret(namespace: string, name: string): Promise<Secret | undefined>;
  services(namespace: string): Promise<Service[]>;
  nodeAllocatable: Record<string, string>;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function decodeBase64(value: string): string {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/** `$(NAME)` replaced from `vars` when defined; `$$(NAME)` stays literal `$(NAME)`. */
export function expand(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : match;
  });
}

/** The Docker-style service link variables for one service. */
function serviceLinks(service: Service): Record<string, string> {
  const ip = service.spec.clusterIP;
  const ports = service.spec.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return {};
  const prefix = (service.metadata.name ?? '').toUpperCase().replace(/-/g, '_');
  const first = ports[0];
  const vars: Record<string, string> = {
    [`${prefix}_SERVICE_HOST`]: ip,
    [`${prefix}_SERVICE_PORT`]: String(first.port),
    [`${prefix}_PORT`]: `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`,
  };
  for (const port of ports) {
    const protocol = port.protocol ?? 'TCP';
    if (port.name) vars[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
    const base = `${prefix}_PORT_${port.port}_${protocol}`;
    vars[base] = `${protocol.toLowerCase()}://${ip}:${port.port}`;
    vars[`${base}_PROTO`] = protocol.toLowerCase();
    vars[`${base}_PORT`] = String(port.port);
    vars[`${base}_ADDR`] = ip;
  }
  return vars;
}

function fieldValue(pod: Pod, path: string): string {
  const meta = pod.metadata;
  const labelMatch = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (labelMatch) return (labelMatch[1] === 'labels' ? meta.labels : meta.annotations)?.[labelMatch[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.labels':
      return Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'metadata.annotations':
      return Object.entries(meta.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((a) => a.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((a) => a.ip).join(',');
    default:
      throw new ContainerConfigError(`unsupported fieldPath: ${path}`);
  }
}

/** A resource reference (`limits.memory`) in units of its divisor; limits default to node allocatable. */
export function resourceValue(container: Container, resource: string, divisor: string | undefined, allocatable: Record<string, string>): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const raw = list?.[name] ?? (kind === 'limits' ? allocatable[name] : '0') ?? '0';
  const value = parseQuantity(raw) / parseQuantity(divisor ?? '1');
  return String(Math.ceil(value));
}

export interface ContainerProcessConfig {
  argv: string[];
  env: Record<string, string>;
}

/** The environment and argv the container starts with. */
export async function containerProcess(
  pod: Pod,
  container: Container,
  image: { entrypoint: string[]; cmd: string[]; env: Record<string, string> },
  sources: EnvSources,
): Promise<ContainerProcessConfig> {
  const namespace = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = { ...image.env };
  const linked = pod.spec.enableServiceLinks === false ? [] : await sources.services(namespace);
  const defaultServices = namespace === 'default' && pod.spec.enableServiceLinks !== false ? linked : await sources.services('default');
  const kubernetes = defaultServices.find((s) => s.metadata.name === 'kubernetes');
  for (const service of [...(kubernetes ? [kubernetes] : []), ...linked]) Object.assign(env, serviceLinks(service));
  const defined: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    let data: Record<string, string> = {};
    if (from.configMapRef) {
      const cm = await sources.configMap(namespace, from.configMapRef.name);
      if (!cm) {
        if (from.configMapRef.optional) continue;
        throw new ContainerConfigError(`configmap "${from.configMapRef.name}" not found`);
      }
      data = { ...cm.data };
    } else if (from.secretRef) {
      const secret = await sources.secret(namespace, from.secretRef.name);
      if (!secret) {
        if (from.secretRef.optional) continue;
        throw new ContainerConfigError(`secret "${from.secretRef.name}" not found`);
      }
      data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64(v)]));
    }
    for (const [key, value] of Object.entries(data)) {
      if (ENV_NAME.test(prefix + key)) defined[prefix + key] = value;
    }
  }
  for (const variable of container.env ?? []) {
    let value = variable.value ?? '';
    const from = variable.valueFrom;
    if (variable.value !== undefined || !from) {
      value = expand(value, { ...env, ...defined });
    } else if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const cm = await sources.configMap(namespace, ref.name);
      if (!cm) {
        if (ref.optional) continue;
        throw new ContainerConfigError(`configmap "${ref.name}" not found`);
      }
      if (cm.data?.[ref.key] === undefined) {
        if (ref.optional) continue;
        throw new ContainerConfigError(`couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}`);
      }
      value = cm.data[ref.key];
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const secret = await sources.secret(namespace, ref.name);
      if (!secret) {
        if (ref.optional) continue;
        throw new ContainerConfigError(`secret "${ref.name}" not found`);
      }
      if (secret.data?.[ref.key] === undefined) {
        if (ref.optional) continue;
        throw new ContainerConfigError(`couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}`);
      }
      value = decodeBase64(secret.data[ref.key]);
    } else if (from.fieldRef) {
      value = fieldValue(pod, from.fieldRef.fieldPath);
    } else if (from.resourceFieldRef) {
      const target = from.resourceFieldRef.containerName ? pod.spec.containers.find((c) => c.name === from.resourceFieldRef?.containerName) ?? container : container;
      value = resourceValue(target, from.resourceFieldRef.resource, from.resourceFieldRef.divisor, sources.nodeAllocatable);
    }
    defined[variable.name] = value;
  }
  Object.assign(env, defined);
  env.HOSTNAME = pod.spec.hostname ?? pod.metadata.name ?? '';
  const vars = { ...env };
  const command = container.command ?? [];
  const args = container.args ?? [];
  let argv: string[];
  if (command.length > 0) argv = [...command, ...args].map((arg) => expand(arg, vars));
  else if (args.length > 0) argv = [...image.entrypoint, ...args.map((arg) => expand(arg, vars))];
  else argv = [...image.entrypoint, ...image.cmd];
  return { argv, env };
}
