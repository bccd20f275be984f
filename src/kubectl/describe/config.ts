// Describers for namespaces, config maps, secrets and service accounts.
// Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (NamespaceDescriber,
// ConfigMapDescriber, SecretDescriber, ServiceAccountDescriber).

import type { ConfigMap, CoreEvent, Namespace, Secret, ServiceAccount } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, PrefixWriter } from './prefix-writer';

function header(w: PrefixWriter, object: KubeObject, namespaced: boolean): void {
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

export function describeNamespace(namespace: Namespace): string {
  const w = new PrefixWriter();
  header(w, namespace, false);
  w.write(LEVEL_0, `Status:\t${namespace.status?.phase ?? ''}\n`);
  return w.toString();
}

export function describeConfigMap(configMap: ConfigMap, events: CoreEvent[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, configMap, true);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = configMap.data ?? {};
  for (const key of Object.keys(data).sort()) w.write(LEVEL_0, `${key}:\n----\n${data[key]}\n\n`);
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  const binary = configMap.binaryData ?? {};
  for (const key of Object.keys(binary).sort()) w.write(LEVEL_0, `${key}: ${atob(binary[key]).length} bytes\n`);
  w.write(LEVEL_0, '\n');
  if (events) describeEvents(events, w, now);
  return w.toString();
}

export function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  header(w, secret, true);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  const data = secret.data ?? {};
  for (const key of Object.keys(data).sort()) {
    const value = atob(data[key]);
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${key}:\t${value}\n`);
    else w.write(LEVEL_0, `${key}:\t${value.length} bytes\n`);
  }
  return w.toString();
}

function namesOrNone(w: PrefixWriter, title: string, names: string[]): void {
  if (names.length === 0) {
    w.write(LEVEL_0, `${title}:\t<none>\n`);
    return;
  }
  names.forEach((name, i) => w.write(LEVEL_0, i === 0 ? `${title}:\t${name}\n` : `\t${name}\n`));
}

export function describeServiceAccount(account: ServiceAccount, events: CoreEvent[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, account, true);
  const pullSecrets = (account as { imagePullSecrets?: { name: string }[] }).imagePullSecrets ?? [];
  namesOrNone(w, 'Image pull secrets', pullSecrets.map((s) => s.name));
  namesOrNone(w, 'Mountable secrets', (account.secrets ?? []).map((s) => s.name ?? ''));
  namesOrNone(w, 'Tokens', []);
  if (events) describeEvents(events, w, now);
  return w.toString();
}
