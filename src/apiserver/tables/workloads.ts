// Tables for deployments, replica sets and jobs. Upstream:
// pkg/printers/internalversion/printers.go (printDeployment, printReplicaSet, printJob).

import type { Deployment, Job, ReplicaSet } from '../../api/apps';
import type { Container } from '../../api/core';
import { age, humanDuration } from '../../api/duration';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter } from './table';

/** `nginx,sidecar` and `nginx:1.25,busybox`: container names and images for wide output. */
export function containerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** A label selector as `metav1.LabelSelectorAsSelector(...).String()` prints it ("" for all). */
export function selectorText(selector: Parameters<typeof fromLabelSelector>[0]): string {
  const parsed = fromLabelSelector(selector);
  return parsed.length === 0 ? '' : formatSelector(parsed);
}

const WIDE_CONTAINER_COLUMNS = [
  column('Containers', 'string', 'Names of each container in the template.', 1),
  column('Images', 'string', 'Images referenced by each container in the template.', 1),
  column('Selector', 'string', 'Label selector for pods.', 1),
];

export const deploymentTable: TablePrinter<Deployment> = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    ...WIDE_CONTAINER_COLUMNS,
  ],
  row(d, now) {
    const status = d.status ?? {};
    const [names, images] = containerCells(d.spec.template.spec.containers);
    return [
      d.metadata.name ?? '',
      `${status.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      age(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorText(d.spec.selector),
    ];
  },
};

export const replicaSetTable: TablePrinter<ReplicaSet> = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Number of desired pods.'),
    column('Current', 'integer', 'Number of actual running pods.'),
    column('Ready', 'integer', 'Number of ready pods.'),
    AGE_COLUMN,
    ...WIDE_CONTAINER_COLUMNS,
  ],
  row(rs, now) {
    const [names, images] = containerCells(rs.spec.template?.spec.containers ?? []);
    return [
      rs.metadata.name ?? '',
      rs.spec.replicas ?? 0,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      age(rs.metadata.creationTimestamp, now),
      names,
      images,
      selectorText(rs.spec.selector),
    ];
  },
};

function jobStatus(job: Job): string {
  const has = (type: string) => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export const jobTable: TablePrinter<Job> = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The completion status of the job.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    ...WIDE_CONTAINER_COLUMNS,
  ],
  row(job, now) {
    const succeeded = job.status?.succeeded ?? 0;
    const parallelism = job.spec.parallelism ?? 0;
    const completions =
      job.spec.completions !== undefined ? `${succeeded}/${job.spec.completions}` : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const start = job.status?.startTime;
    const end = job.status?.completionTime;
    const duration = !start ? '' : humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
    const [names, images] = containerCells(job.spec.template.spec.containers);
    return [job.metadata.name ?? '', jobStatus(job), completions, duration, age(job.metadata.creationTimestamp, now), names, images, selectorText(job.spec.selector)];
  },
};
