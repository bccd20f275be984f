// A pod's volumes as files: emptyDir starts empty; configMap, secret, downwardAPI and projected
// (service account token) volumes are rendered from their sources; a missing source fails the
// mount with the kubelet's FailedMount message. Rendering again later picks up changes to the
// sources (a token is reissued only after 80% of its lifetime). Also each container's mounts.
// Upstream:
// pkg/volume/{configmap,secret,downwardapi,projected}, pkg/kubelet/volumemanager.

import type { ConfigMap, Container, KeyToPath, Pod, Secret, Volume } from '../../../src/api/core';
import type { FileTree, MountConfig, VolumeConfig } from '../../runtime/runtime-api';

export class VolumeMountError extends Error {}

export interface VolumeSources {
  configMap(namespace: string, name: string): Promise<ConfigMap | undefined>;
  secret(namespace: string, name: string): Promise<Secret | undefined>;
  now(): number;
  /** Tokens issued for this pod's projected volumes, by `volume/path`. */
  tokens: Map<string, { token: string; issuedAt: number }>;
}

/** A token is reissued once this share of its lifetime has passed, as the kubelet does. */
const TOKEN_REFRESH_SHARE = 0.8;

function base64ToBytes(value: string): Uint8Array {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function base64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function pick<T>(data: Record<string, T>, items: KeyToPath[] | undefined, source: 'configmap' | 'secret', volume: string): Record<string, T> {
  if (!items) return { ...data };
  const files: Record<string, T> = {};
  const keyKind = source === 'configmap' ? 'config' : 'secret';
  for (const item of items) {
    if (!(item.key in data)) {
      throw new VolumeMountError(`MountVolume.SetUp failed for volume "${volume}" : ${source} references non-existent ${keyKind} key: ${item.key}`);
    }
    files[item.path] = data[item.key];
  }
  return files;
}

function downwardFiles(pod: Pod, items: { path: string; fieldRef?: { fieldPath: string } }[]): FileTree {
  const files: FileTree = {};
  for (const item of items) {
    const path = item.fieldRef?.fieldPath ?? '';
    const meta = pod.metadata;
    const mapLines = (map: Record<string, string> | undefined) =>
      Object.entries(map ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}="${v}"`)
        .join('\n');
    if (path === 'metadata.name') files[item.path] = meta.name ?? '';
    else if (path === 'metadata.namespace') files[item.path] = meta.namespace ?? '';
    else if (path === 'metadata.uid') files[item.path] = meta.uid ?? '';
    else if (path === 'metadata.labels') files[item.path] = mapLines(meta.labels);
    else if (path === 'metadata.annotations') files[item.path] = mapLines(meta.annotations);
  }
  return files;
}

/** A service account token as the API server would issue it, for the projected volume. */
function serviceAccountToken(pod: Pod, now: number, expirationSeconds: number): string {
  const issuedAt = Math.floor(now / 1000);
  const header = { alg: 'RS256', kid: 'kubetab' };
  const payload = {
    aud: ['https://kubernetes.default.svc.cluster.local'],
    exp: issuedAt + expirationSeconds,
    iat: issuedAt,
    iss: 'https://kubernetes.default.svc.cluster.local',
    'kubernetes.io': {
      namespace: pod.metadata.namespace,
      node: { name: pod.spec.nodeName },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: pod.spec.serviceAccountName ?? 'default' },
    },
    nbf: issuedAt,
    sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? 'default'}`,
  };
  const signature = base64Url(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  return `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(payload))}.${signature}`;
}

function projectedToken(pod: Pod, key: string, expirationSeconds: number, sources: VolumeSources): string {
  const now = sources.now();
  const issued = sources.tokens.get(key);
  if (issued && now < issued.issuedAt + expirationSeconds * 1000 * TOKEN_REFRESH_SHARE) return issued.token;
  const token = serviceAccountToken(pod, now, expirationSeconds);
  sources.tokens.set(key, { token, issuedAt: now });
  return token;
}

/** Whether a volume is rendered from API objects (and so follows their changes). */
export function isProjectedVolume(volume: Volume): boolean {
  return Boolean(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
}

/** A volume's files as its sources say now; throws VolumeMountError for a missing source. */
export async function volumeFiles(pod: Pod, volume: Volume, sources: VolumeSources): Promise<FileTree> {
  const namespace = pod.metadata.namespace ?? 'default';
  if (volume.configMap) {
    const cm = await sources.configMap(namespace, volume.configMap.name);
    if (!cm) {
      if (volume.configMap.optional) return {};
      throw new VolumeMountError(`MountVolume.SetUp failed for volume "${volume.name}" : configmap "${volume.configMap.name}" not found`);
    }
    const data: Record<string, string | Uint8Array> = { ...cm.data };
    for (const [key, value] of Object.entries(cm.binaryData ?? {})) data[key] = base64ToBytes(value);
    return pick(data, volume.configMap.items, 'configmap', volume.name);
  }
  if (volume.secret) {
    const secret = await sources.secret(namespace, volume.secret.secretName);
    if (!secret) {
      if (volume.secret.optional) return {};
      throw new VolumeMountError(`MountVolume.SetUp failed for volume "${volume.name}" : secret "${volume.secret.secretName}" not found`);
    }
    const data = Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, base64ToBytes(v)]));
    return pick(data, volume.secret.items, 'secret', volume.name);
  }
  if (volume.downwardAPI) return downwardFiles(pod, volume.downwardAPI.items ?? []);
  if (volume.projected) {
    const files: FileTree = {};
    for (const source of volume.projected.sources ?? []) {
      const token = source.serviceAccountToken as { path: string; expirationSeconds?: number } | undefined;
      const cmSource = source.configMap as { name: string; items?: KeyToPath[]; optional?: boolean } | undefined;
      const downward = source.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string } }[] } | undefined;
      if (token) files[token.path] = projectedToken(pod, `${volume.name}/${token.path}`, token.expirationSeconds ?? 3607, sources);
      if (cmSource) Object.assign(files, await volumeFiles(pod, { name: volume.name, configMap: cmSource }, sources));
      if (downward) Object.assign(files, downwardFiles(pod, downward.items ?? []));
    }
    return files;
  }
  return {};
}

/** Every volume of the pod with its initial files; throws VolumeMountError for a missing source. */
export async function podVolumes(pod: Pod, sources: VolumeSources): Promise<VolumeConfig[]> {
  const volumes: VolumeConfig[] = [];
  for (const volume of pod.spec.volumes ?? []) {
    volumes.push({ name: volume.name, files: await volumeFiles(pod, volume, sources), readOnly: isProjectedVolume(volume) });
  }
  return volumes;
}

export function containerMounts(container: Container, volumes: readonly VolumeConfig[]): MountConfig[] {
  return (container.volumeMounts ?? []).map((mount) => ({
    path: mount.mountPath,
    volume: mount.name,
    readOnly: Boolean(mount.readOnly) || Boolean(volumes.find((v) => v.name === mount.name)?.readOnly),
    subPath: mount.subPath || undefined,
  }));
}
