// A cancel signal that its owner fires: the shell's Ctrl+C for the running command, and kubectl
// logs ending its other followed streams when one fails.

import type { CancelSignal } from './context';

export class Cancellation implements CancelSignal {
  cancelled = false;
  private listeners: (() => void)[] = [];

  onCancel(listener: () => void): void {
    if (this.cancelled) listener();
    else this.listeners.push(listener);
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
}
