// The cluster clock as the top bar shows and drives it: the current cluster time (refreshed a
// few times a second while it moves), the speed (0 is paused), and a step that runs the clock
// fast for exactly the given cluster time, then pauses it again, so every timer due in that
// window fires in order on every thread.

import type { ClusterClock, Timer } from '../../cluster/clock';

/** How fast a step runs the clock: a 10 s step takes half a second. */
const STEP_SPEED = 20;
const REFRESH_MS = 250;

export class ClockView {
  now = $state(0);
  speed = $state(1);
  stepping = $state(false);
  private stepTimer?: Timer;
  private readonly unsubscribe: () => void;
  private readonly refresh: ReturnType<typeof setInterval>;

  constructor(private readonly clock: ClusterClock) {
    this.now = clock.now();
    this.speed = clock.speed;
    this.unsubscribe = clock.subscribe((state) => {
      this.speed = state.speed;
      this.now = clock.now();
    });
    this.refresh = setInterval(() => {
      if (this.clock.speed !== 0) this.now = this.clock.now();
    }, REFRESH_MS);
  }

  get paused(): boolean {
    return this.speed === 0 && !this.stepping;
  }

  setSpeed(speed: number): void {
    this.endStep();
    this.clock.setSpeed(speed);
  }

  /** Moves a paused clock on by `seconds` of cluster time. */
  step(seconds: number): void {
    if (this.clock.speed !== 0 || this.stepping) return;
    this.stepping = true;
    this.stepTimer = this.clock.after(seconds * 1000, () => {
      this.endStep();
      this.clock.setSpeed(0);
    });
    this.clock.setSpeed(STEP_SPEED);
  }

  dispose(): void {
    this.endStep();
    this.unsubscribe();
    clearInterval(this.refresh);
  }

  private endStep(): void {
    this.stepTimer?.cancel();
    this.stepTimer = undefined;
    this.stepping = false;
  }
}
