// The describer kubectl falls back on for kinds without one of their own: name, namespace,
// labels, annotations, then every other field as indented "Title Case:" lines. Upstream:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (genericDescriber,
// printUnstructuredContent, smartLabelFor).

import type { CoreEvent } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, PrefixWriter } from './prefix-writer';

const ACRONYMS = new Set(['API', 'CPU', 'DNS', 'HTTP', 'HTTPS', 'ID', 'IP', 'JSON', 'OS', 'PID', 'QOS', 'TCP', 'TLS', 'TTL', 'UID', 'UDP', 'URL', 'URI', 'CIDR', 'IPS']);

/** `apiVersion` → `API Version`, `podIP` → `Pod IP`. */
export function smartLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(/[\s_-]+/);
  return words
    .filter((word) => word !== '')
    .map((word) => (ACRONYMS.has(word.toUpperCase()) ? word.toUpperCase() : word[0].toUpperCase() + word.slice(1)))
    .join(' ');
}

function printContent(w: PrefixWriter, level: number, value: Record<string, unknown>, prefix: string, skip: Set<string>): void {
  for (const key of Object.keys(value).sort()) {
    const path = `${prefix}.${key}`;
    if (skip.has(path)) continue;
    const child = value[key];
    const label = smartLabel(key);
    if (Array.isArray(child)) {
      w.write(level, `${label}:\n`);
      for (const item of child) {
        if (typeof item === 'object' && item !== null) printContent(w, level + 1, item as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${String(item)}\n`);
      }
    } else if (typeof child === 'object' && child !== null) {
      w.write(level, `${label}:\n`);
      printContent(w, level + 1, child as Record<string, unknown>, path, skip);
    } else {
      w.write(level, `${label}:\t${child === null ? '<nil>' : String(child)}\n`);
    }
  }
}

export function describeGeneric(object: KubeObject, events: readonly CoreEvent[] | undefined, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  const skip = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  printContent(w, LEVEL_0, object as unknown as Record<string, unknown>, '', skip);
  if (events) describeEvents(events, w, now);
  return w.toString();
}
