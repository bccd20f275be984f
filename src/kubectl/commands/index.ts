// Every kubectl command kubetab implements, grouped and ordered as `kubectl --help` lists them.
// Commands load on first use (`get`, used at once, is part of the first load), so the page
// fetches only what the learner runs.

import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  summary: string;
  group: string;
  load(): Promise<Command>;
}

const BEGINNER = 'Basic Commands (Beginner)';
const INTERMEDIATE = 'Basic Commands (Intermediate)';
const DEPLOY = 'Deploy Commands';
const CLUSTER = 'Cluster Management Commands';
const TROUBLESHOOTING = 'Troubleshooting and Debugging Commands';
const ADVANCED = 'Advanced Commands';
const SETTINGS = 'Settings Commands';
const OTHER = 'Other Commands';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'create', group: BEGINNER, summary: 'Create a resource from a file or from stdin', load: () => import('./create').then((m) => m.createCommand) },
  { name: 'expose', group: BEGINNER, summary: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', load: () => import('./expose').then((m) => m.exposeCommand) },
  { name: 'run', group: BEGINNER, summary: 'Run a particular image on the cluster', load: () => import('./run').then((m) => m.runCommand) },
  { name: 'set', group: BEGINNER, summary: 'Set specific features on objects', load: () => import('./set').then((m) => m.setCommand) },
  { name: 'explain', group: INTERMEDIATE, summary: 'Get documentation for a resource', load: () => import('./explain').then((m) => m.explainCommand) },
  { name: 'get', group: INTERMEDIATE, summary: 'Display one or many resources', load: () => import('./get').then((m) => m.getCommand) },
  { name: 'edit', group: INTERMEDIATE, summary: 'Edit a resource on the server', load: () => import('./edit').then((m) => m.editCommand) },
  { name: 'delete', group: INTERMEDIATE, summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', load: () => import('./delete').then((m) => m.deleteCommand) },
  { name: 'rollout', group: DEPLOY, summary: 'Manage the rollout of a resource', load: () => import('./rollout').then((m) => m.rolloutCommand) },
  { name: 'scale', group: DEPLOY, summary: 'Set a new size for a deployment, replica set, or replication controller', load: () => import('./scale').then((m) => m.scaleCommand) },
  { name: 'cluster-info', group: CLUSTER, summary: 'Display cluster information', load: () => import('./cluster-info').then((m) => m.clusterInfoCommand) },
  { name: 'top', group: CLUSTER, summary: 'Display resource (CPU/memory) usage', load: () => import('./top').then((m) => m.topCommand) },
  { name: 'cordon', group: CLUSTER, summary: 'Mark node as unschedulable', load: () => import('./cordon').then((m) => m.cordonCommand) },
  { name: 'uncordon', group: CLUSTER, summary: 'Mark node as schedulable', load: () => import('./cordon').then((m) => m.uncordonCommand) },
  { name: 'drain', group: CLUSTER, summary: 'Drain node in preparation for maintenance', load: () => import('./drain').then((m) => m.drainCommand) },
  { name: 'taint', group: CLUSTER, summary: 'Update the taints on one or more nodes', load: () => import('./taint').then((m) => m.taintCommand) },
  { name: 'describe', group: TROUBLESHOOTING, summary: 'Show details of a specific resource or group of resources', load: () => import('./describe').then((m) => m.describeCommand) },
  { name: 'logs', group: TROUBLESHOOTING, summary: 'Print the logs for a container in a pod', load: () => import('./logs').then((m) => m.logsCommand) },
  { name: 'attach', group: TROUBLESHOOTING, summary: 'Attach to a running container', load: () => import('./attach').then((m) => m.attachCommand) },
  { name: 'exec', group: TROUBLESHOOTING, summary: 'Execute a command in a container', load: () => import('./exec').then((m) => m.execCommand) },
  { name: 'auth', group: TROUBLESHOOTING, summary: 'Inspect authorization', load: () => import('./auth').then((m) => m.authCommand) },
  { name: 'events', group: TROUBLESHOOTING, summary: 'List events', load: () => import('./events').then((m) => m.eventsCommand) },
  { name: 'apply', group: ADVANCED, summary: 'Apply a configuration to a resource by file name or stdin', load: () => import('./apply').then((m) => m.applyCommand) },
  { name: 'patch', group: ADVANCED, summary: 'Update fields of a resource', load: () => import('./patch').then((m) => m.patchCommand) },
  { name: 'replace', group: ADVANCED, summary: 'Replace a resource by file name or stdin', load: () => import('./replace').then((m) => m.replaceCommand) },
  { name: 'wait', group: ADVANCED, summary: 'Experimental: Wait for a specific condition on one or many resources', load: () => import('./wait').then((m) => m.waitCommand) },
  { name: 'label', group: SETTINGS, summary: 'Update the labels on a resource', load: () => import('./label').then((m) => m.labelCommand) },
  { name: 'annotate', group: SETTINGS, summary: 'Update the annotations on a resource', load: () => import('./label').then((m) => m.annotateCommand) },
  { name: 'api-resources', group: OTHER, summary: 'Print the supported API resources on the server', load: () => import('./api-resources').then((m) => m.apiResourcesCommand) },
  { name: 'api-versions', group: OTHER, summary: 'Print the supported API versions on the server, in the form of "group/version"', load: () => import('./api-resources').then((m) => m.apiVersionsCommand) },
  { name: 'config', group: OTHER, summary: 'Modify kubeconfig files', load: () => import('./config').then((m) => m.configCommand) },
  { name: 'version', group: OTHER, summary: 'Print the client and server version information', load: () => import('./version').then((m) => m.versionCommand) },
];
