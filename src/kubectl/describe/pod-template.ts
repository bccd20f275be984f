// The `Pod Template:` section workload describers share (deployments, replica sets, jobs):
// labels, annotations, service account, containers, volumes, node selectors, tolerations.
// Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (DescribePodTemplate).

import type { PodTemplateSpec } from '../../api/core';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './format';
import { describeContainers, describeVolumes, type DescribeClock } from './pod';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

/** The section as rollout prints it (history --revision, undo --dry-run): tabs as written. */
export function podTemplateText(template: PodTemplateSpec | undefined, clock: DescribeClock): string {
  const w = new PrefixWriter(false);
  describePodTemplate(w, template, clock);
  return w.toString();
}

export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined, clock: DescribeClock): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  const spec = template.spec;
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', undefined, spec.initContainers ?? [], undefined, clock, '  ');
  describeContainers(w, 'Containers', undefined, spec.containers, undefined, clock, '  ');
  describeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
