// Starting one container as the kubelet does: pull its image by policy (with pull back-off and
// upstream's events), build its environment and command line, create and start it in the
// pod's sandbox. Failures leave the container waiting with the reason kubectl shows
// (ErrImagePull, ImagePullBackOff, InvalidImageName, CreateContainerConfigError,
// CreateContainerError) or terminated with StartError. The container gets the kubelet's
// /etc/hosts, /etc/resolv.conf and /etc/hostname, and its postStart hook runs before the start
// counts as done. Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer),
// pkg/kubelet/images.

import type { Pod } from '../../../src/api/core';
import { bytes } from '../../../src/api/quantity';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import { goDuration, PullError, type CachedImage, type ImageCache } from '../images/image-cache';
import { ContainerStartError, type ContainerHandle, type PodSandbox, type VolumeConfig } from '../../runtime/runtime-api';
import type { ActionDeps } from './actions/action-target';
import type { Backoff } from './backoff';
import { containerProcess, ContainerConfigError, type EnvSources } from './container-env';
import { managedFiles } from './container-files';
import type { ContainerRecord } from './container-record';
import { containerMounts } from './pod-volumes';

export interface StartDeps {
  clock: ClusterClock;
  images: ImageCache;
  recorder: EventRecorder;
  backoff: Backoff;
  env: EnvSources;
  actions: ActionDeps;
}

/** A start either ran the container (its postStart hook may have failed) or left it waiting. */
/** How soon a start that failed for a reason a retry might cure is tried again (the pod worker's back-off). */
const RETRY_MS = 10_000;

export type StartOutcome = { started: true; handle: ContainerHandle; postStartFailure?: string } | { started: false; retryAfterMs?: number };

function fieldPath(record: ContainerRecord): string {
  return record.kind === 'app' ? `spec.containers{${record.name}}` : `spec.initContainers{${record.name}}`;
}

function containerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `containerd://${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Pulls (or finds) the record's image as its pull policy says. */
async function ensureImage(pod: Pod, record: ContainerRecord, deps: StartDeps): Promise<CachedImage | { retryAfterMs?: number }> {
  const image = record.spec.image ?? '';
  const policy = record.spec.imagePullPolicy ?? 'IfNotPresent';
  const path = fieldPath(record);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => deps.recorder.event(pod, type, reason, message, path);
  const backoffKey = `pull/${pod.metadata.uid}/${image}`;
  let present: CachedImage | undefined;
  try {
    present = deps.images.present(image);
  } catch (error) {
    if (!(error instanceof PullError)) throw error;
    record.setWaiting(error.reason, error.message);
    event('Warning', 'InspectFailed', error.message);
    event('Warning', 'Failed', `Error: ${error.reason}`);
    return { retryAfterMs: RETRY_MS };
  }
  if (present && policy !== 'Always') {
    event('Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return present;
  }
  if (policy === 'Never') {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    record.setWaiting('ErrImageNeverPull', message);
    event('Warning', 'ErrImageNeverPull', message);
    event('Warning', 'Failed', 'Error: ErrImageNeverPull');
    return { retryAfterMs: RETRY_MS };
  }
  if (deps.backoff.inBackoffSinceUpdate(backoffKey, deps.clock.now())) {
    record.setWaiting('ImagePullBackOff', `Back-off pulling image "${image}"`);
    event('Normal', 'BackOff', `Back-off pulling image "${image}"`);
    event('Warning', 'Failed', 'Error: ImagePullBackOff');
    return { retryAfterMs: RETRY_MS };
  }
  event('Normal', 'Pulling', `Pulling image "${image}"`);
  try {
    const { image: pulled, durationMs } = await deps.images.pull(image);
    deps.backoff.reset(backoffKey);
    event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(durationMs)} (${goDuration(durationMs)} including waiting). Image size: ${pulled.sizeBytes} bytes.`);
    return pulled;
  } catch (error) {
    if (!(error instanceof PullError)) throw error;
    const failedAt = deps.clock.now();
    deps.backoff.next(backoffKey, failedAt, failedAt);
    record.setWaiting(error.reason, error.message);
    event('Warning', 'Failed', `Failed to pull image "${image}": ${error.message}`);
    event('Warning', 'Failed', `Error: ${error.reason}`);
    return { retryAfterMs: RETRY_MS };
  }
}

/** Pulls, configures and starts one container in the sandbox; records what happened. */
export async function startContainer(
  pod: Pod,
  record: ContainerRecord,
  sandbox: PodSandbox,
  volumes: readonly VolumeConfig[],
  podIP: string,
  deps: StartDeps,
): Promise<StartOutcome> {
  const pulled = await ensureImage(pod, record, deps);
  if (!('content' in pulled)) return { started: false, retryAfterMs: pulled.retryAfterMs };
  record.image = pulled.qualifiedName;
  record.imageID = pulled.imageID;
  const path = fieldPath(record);
  let process;
  try {
    process = await containerProcess(pod, record.spec, pulled.content, deps.env);
  } catch (error) {
    if (!(error instanceof ContainerConfigError)) throw error;
    record.setWaiting('CreateContainerConfigError', error.message);
    deps.recorder.event(pod, 'Warning', 'Failed', `Error: ${error.message}`, path);
    return { started: false, retryAfterMs: RETRY_MS };
  }
  const id = containerId();
  const log = record.newLog(id);
  try {
    const memory = record.spec.resources?.limits?.memory;
    const handle = await sandbox.startContainer(
      {
        name: record.name,
        id,
        image: { ...pulled.content, files: { ...pulled.content.files, ...managedFiles(pod, podIP) } },
        argv: process.argv,
        env: process.env,
        workingDir: record.spec.workingDir || pulled.content.workingDir || '/',
        mounts: containerMounts(record.spec, volumes),
        memoryLimitBytes: memory ? bytes(memory) : undefined,
        stdin: Boolean(record.spec.stdin),
        stdinOnce: Boolean(record.spec.stdinOnce),
        tty: Boolean(record.spec.tty),
      },
      (stream, text) => log.append(stream, text, deps.clock.now()),
    );
    deps.recorder.event(pod, 'Normal', 'Created', `Created container: ${record.name}`, path);
    deps.recorder.event(pod, 'Normal', 'Started', `Started container ${record.name}`, path);
    const postStart = record.spec.lifecycle?.postStart;
    const target = { pod, container: record.spec, handle, containerID: id, podIP };
    let postStartFailure: string | undefined;
    if (postStart) {
      const { runLifecycleHandler } = await import('./lifecycle-hooks');
      postStartFailure = await Promise.race([runLifecycleHandler(postStart, target, deps.actions), handle.exited.then(() => undefined)]);
    }
    if (postStartFailure) deps.recorder.event(pod, 'Warning', 'FailedPostStartHook', postStartFailure, path);
    record.beginRun(id, handle, deps.clock.timestamp(handle.startedAt));
    return { started: true, handle, postStartFailure };
  } catch (error) {
    if (!(error instanceof ContainerStartError)) throw error;
    deps.recorder.event(pod, 'Warning', 'Failed', `Error: ${error.message}`, path);
    if (error.reason === 'CreateContainerError') {
      record.setWaiting('CreateContainerError', error.message);
      return { started: false, retryAfterMs: RETRY_MS };
    }
    const now = deps.clock.now();
    record.containerID = id;
    log.close(now);
    deps.recorder.event(pod, 'Normal', 'Created', `Created container: ${record.name}`, path);
    record.endRun({ exitCode: 128, reason: 'Error', message: error.message, finishedAt: now }, deps.clock.timestamp(now), deps.clock.timestamp(now));
    record.state = { terminated: { ...record.state.terminated!, reason: 'StartError' } };
    return { started: false };
  }
}

