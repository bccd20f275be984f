// Small JSON values in localStorage (lesson progress, layout settings), read defensively: storage
// may be full, disabled (private windows) or hold anything.

export function readStored(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the value lives until the page closes.
  }
}
