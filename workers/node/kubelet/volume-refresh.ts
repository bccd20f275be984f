// Keeping a running pod's configMap, secret, downwardAPI and projected volumes current, as the
// kubelet's periodic pod sync does (every minute, with up to half a minute of jitter): each is
// rendered again from its sources, and a volume whose files changed is swapped whole in the
// sandbox. A source that has gone keeps the old files and is reported as FailedMount.
// Upstream: pkg/kubelet/volumemanager (reconciler remount), pkg/volume/util/atomic_writer.go.

import type { Pod } from '../../../src/api/core';
import type { ClusterClock, Timer } from '../../../src/cluster/clock';
import type { FileTree, VolumeConfig } from '../../runtime/runtime-api';
import { isProjectedVolume, VolumeMountError, volumeFiles, type VolumeSources } from './pod-volumes';

/** The kubelet's syncFrequency and the share of it added at random to each wait. */
export const SYNC_FREQUENCY_MS = 60_000;
const JITTER_SHARE = 0.5;

/** Runs `sync` every syncFrequency (with jitter) from `start` until `stop`. */
export class PeriodicResync {
  private timer?: Timer;
  private stopped = false;

  constructor(
    private readonly clock: ClusterClock,
    private readonly sync: () => Promise<void>,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = this.clock.after(SYNC_FREQUENCY_MS * (1 + JITTER_SHARE * Math.random()), () => {
      void this.sync()
        .catch(() => undefined)
        .finally(() => {
          this.timer = undefined;
          this.start();
        });
    });
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }
}

function sameBytes(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function sameFiles(a: FileTree, b: FileTree): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameBytes(a[key], b[key]));
}

export interface RefreshResult {
  /** Volumes whose files changed, with their new files. */
  changed: VolumeConfig[];
  /** FailedMount messages for volumes whose source could not be read. */
  failures: string[];
}

export async function refreshVolumes(pod: Pod, current: readonly VolumeConfig[], sources: VolumeSources): Promise<RefreshResult> {
  const result: RefreshResult = { changed: [], failures: [] };
  for (const volume of pod.spec.volumes ?? []) {
    const mounted = current.find((v) => v.name === volume.name);
    if (!mounted || !isProjectedVolume(volume)) continue;
    try {
      const files = await volumeFiles(pod, volume, sources);
      if (!sameFiles(files, mounted.files)) result.changed.push({ ...mounted, files });
    } catch (error) {
      if (!(error instanceof VolumeMountError)) throw error;
      result.failures.push(error.message);
    }
  }
  return result;
}
