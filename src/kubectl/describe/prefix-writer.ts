// The writer describers print through: lines at indent levels of two spaces, cells separated
// by tabs, aligned at the end with describe's tab settings (padding 2), or left as tabs where
// kubectl writes a description straight out (rollout's pod templates). Upstream:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (PrefixWriter, tabbedString).

import { DESCRIBE_TABS, TabWriter } from '../tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private readonly tabs = new TabWriter(DESCRIBE_TABS);
  private text = '';

  /** `aligned` false keeps the tabs as written. */
  constructor(private readonly aligned = true) {}

  /** Writes `text` indented by `level` (text may hold tabs and newlines as given). */
  write(level: number, text: string): void {
    this.put('  '.repeat(level) + text);
  }

  /** Writes text with a newline and no indent. */
  writeLine(text: string): void {
    this.put(`${text}\n`);
  }

  private put(text: string): void {
    if (this.aligned) this.tabs.write(text);
    else this.text += text;
  }

  /** Ends the current alignment block (what describe does before its Events table). */
  flush(): void {
    this.text += this.tabs.flush();
  }

  toString(): string {
    this.flush();
    return this.text;
  }
}
