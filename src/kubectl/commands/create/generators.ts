// The objects `kubectl create <kind>` builds from flags: deployments, services of each type,
// config maps, generic secrets, namespaces, jobs and service accounts, shaped as kubectl's
// generators shape them (creationTimestamp null, empty status and strategy, app labels).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_*.go.

import type { KubeObject } from '../../../api/meta';
import type { KubectlContext } from '../../context';
import { KubectlError } from '../../errors';

/** `nginx`, `registry.k8s.io/e2e-test-images/agnhost:2.39` → `nginx`, `agnhost`. */
export function containerNameOf(image: string): string {
  const withoutDigest = image.split('@')[0];
  const last = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? last : last.slice(0, colon);
}

export function deploymentObject(name: string, images: string[], replicas: number, port: number, command: string[]): KubeObject {
  const containers = images.map((image) => {
    const container: Record<string, unknown> = { image, name: containerNameOf(image) };
    if (command.length > 0) container.command = command;
    if (port >= 0) container.ports = [{ containerPort: port }];
    container.resources = {};
    return container;
  });
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null as unknown as string, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  };
}

function parsePort(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65535) throw new KubectlError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
  return value;
}

export function serviceObject(name: string, type: string, tcp: string[], options: { clusterIP?: string; nodePort?: number; externalName?: string }): KubeObject {
  const ports = tcp.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = parsePort(portText);
    const target = targetText === undefined ? port : /^\d+$/.test(targetText) ? parsePort(targetText) : targetText;
    const entry: Record<string, unknown> = { name: targetText === undefined ? portText : `${portText}-${targetText}`, port, protocol: 'TCP', targetPort: target };
    if (options.nodePort !== undefined && options.nodePort > 0) entry.nodePort = options.nodePort;
    return entry;
  });
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  if (options.clusterIP) spec.clusterIP = options.clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null as unknown as string, labels: { app: name }, name },
    spec,
    status: { loadBalancer: {} },
  };
}

function keyValue(item: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new KubectlError(`error: invalid literal source ${item}, expected key=value`);
  return [item.slice(0, eq), item.slice(eq + 1)];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Keys and values from --from-literal and --from-file, in the order given. */
export async function dataSources(ctx: KubectlContext, literals: string[], files: string[]): Promise<Record<string, string>> {
  const data: Record<string, string> = {};
  for (const literal of literals) {
    const [key, value] = keyValue(literal);
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${key}"`);
    data[key] = value;
  }
  for (const spec of files) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : baseName(spec);
    const path = eq > 0 ? spec.slice(eq + 1) : spec;
    try {
      data[key] = await ctx.readFile(path);
    } catch {
      throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    }
  }
  return data;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function configMapObject(name: string, data: Record<string, string>): KubeObject {
  const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name } };
  if (Object.keys(data).length > 0) object.data = data;
  return object;
}

export function secretObject(name: string, data: Record<string, string>, type: string): KubeObject {
  const object: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { creationTimestamp: null as unknown as string, name } };
  if (Object.keys(data).length > 0) object.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));
  if (type) object.type = type;
  return object;
}

export function namespaceObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} };
}

export function serviceAccountObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: null as unknown as string, name } };
}

export function jobObject(name: string, image: string, command: string[]): KubeObject {
  const container: Record<string, unknown> = command.length > 0 ? { command, image, name, resources: {} } : { image, name, resources: {} };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: null as unknown as string, name },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  };
}
