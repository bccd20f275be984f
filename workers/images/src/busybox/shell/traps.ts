// trap: which signals the shell handles and what it runs for them. Setting a trap declares the
// signal handled to kubetab (so a blocked applet returns EINTR); the hook then runs the trap's
// commands and tells the applet whether to stop (the trap ended the shell, or there is no trap
// and an interactive shell's Ctrl-C should cancel the command).

import { defaultSignal, handleSignal, SIGINT, takeSignal } from "../../lib/signals";
import { setInterruptedStatus, SignalHook, takeRaisedSignals } from "../context";
import { signalByName, signalName } from "../signal-names";
import { Interpreter } from "./interp";
import { ShellState } from "./state";

/** Sets (`action` a command, `''` to ignore) or resets (`-`) the trap for `signal`. */
export function setTrap(state: ShellState, signal: string, action: string): bool {
  const number = signalByName(signal);
  if (number < 0 || number == 9 || number == 19) return number >= 0;
  if (action == "-") {
    if (state.traps.has(number)) state.traps.delete(number);
    if (number > 0 && number < 32 && !(number == SIGINT && state.interactive)) defaultSignal(number);
    return true;
  }
  state.traps.set(number, action);
  if (number > 0 && number < 32) handleSignal(number);
  return true;
}

/** `trap` with no arguments: the traps in effect, in a form that can be read back. */
export function trapNames(state: ShellState): string {
  let out = "";
  const numbers = state.traps.keys();
  for (let i = 0; i < numbers.length; i++) {
    const name = numbers[i] == 0 ? "EXIT" : signalName(numbers[i]);
    out += "trap -- '" + state.traps.get(numbers[i]).replaceAll("'", "'\"'\"'") + "' " + name + "\n";
  }
  return out;
}

/** Runs the EXIT trap once, as the shell ends. */
export function runExitTrap(interp: Interpreter): void {
  const state = interp.state;
  if (!state.traps.has(0)) return;
  const action = state.traps.get(0);
  state.traps.delete(0);
  const status = state.status;
  state.exiting = false;
  interp.runSource(action);
  state.status = status;
}

/** Runs the traps of the signals the shell sent itself (kill); untrapped ones are ignored. */
export function runRaisedTraps(interp: Interpreter): void {
  const signals = takeRaisedSignals();
  const state = interp.state;
  for (let i = 0; i < signals.length && !state.exiting; i++) {
    if (!state.traps.has(signals[i]) || state.traps.get(signals[i]).length == 0) continue;
    const status = state.status;
    interp.runSource(state.traps.get(signals[i]));
    if (!state.exiting) state.status = status;
  }
}

export class ShellSignals extends SignalHook {
  constructor(public interp: Interpreter) {
    super();
  }

  onSignal(): bool {
    const state = this.interp.state;
    let stop = false;
    while (true) {
      const signal = takeSignal();
      if (signal == 0) break;
      if (!state.traps.has(signal)) {
        setInterruptedStatus(128 + signal);
        stop = true;
        continue;
      }
      const action = state.traps.get(signal);
      if (action.length == 0) continue;
      const status = state.status;
      this.interp.runSource(action);
      if (!state.exiting) state.status = status;
      else {
        setInterruptedStatus(state.status);
        stop = true;
      }
    }
    return stop;
  }
}
