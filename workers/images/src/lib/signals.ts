// Signals through the kubetab_proc extension: a program declares what it handles, and a blocked
// call returning EINTR means one is pending; takeSignal() says which.

@external("kubetab_proc", "signals")
declare function kubetab_signals(mask: i32): i32;
@external("kubetab_proc", "take_signal")
declare function kubetab_take_signal(): i32;

export const SIGHUP: i32 = 1;
export const SIGINT: i32 = 2;
export const SIGQUIT: i32 = 3;
export const SIGUSR1: i32 = 10;
export const SIGTERM: i32 = 15;

let handledMask: i32 = 0;

/** Declares `signal` handled from now on (in addition to those already handled). */
export function handleSignal(signal: i32): void {
  handledMask |= 1 << signal;
  kubetab_signals(handledMask);
}

/** Whether this process handles `signal`. */
export function isHandled(signal: i32): bool {
  return (handledMask & (1 << signal)) != 0;
}

/** Returns to the default action for `signal`. */
export function defaultSignal(signal: i32): void {
  handledMask &= ~(1 << signal);
  kubetab_signals(handledMask);
}

/** The lowest pending handled signal, now cleared, or 0. */
export function takeSignal(): i32 {
  return kubetab_take_signal();
}

export function signalName(signal: i32): string {
  switch (signal) {
    case SIGHUP: return "SIGHUP";
    case SIGINT: return "SIGINT";
    case SIGQUIT: return "SIGQUIT";
    case 9: return "SIGKILL";
    case SIGUSR1: return "SIGUSR1";
    case SIGTERM: return "SIGTERM";
    default: return "SIG" + signal.toString();
  }
}
