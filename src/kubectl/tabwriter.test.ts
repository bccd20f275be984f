import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABS, GET_TABS, tabulate } from './tabwriter';

describe('Go tabwriter semantics', () => {
  it('pads columns to the widest cell plus padding, leaving the last cell unpadded', () => {
    const text = tabulate('NAME\tREADY\tSTATUS\nweb\t1/1\tRunning\nbusybox-long\t0/1\tPending\n', GET_TABS);
    expect(text).toBe('NAME           READY   STATUS\nweb            1/1     Running\nbusybox-long   0/1     Pending\n');
  });

  it('honours the minimum width for narrow columns', () => {
    expect(tabulate('A\tB\nx\ty\n', GET_TABS)).toBe('A     B\nx     y\n');
  });

  it('aligns each block of consecutive tabbed lines on its own', () => {
    const text = tabulate('Name:\tweb\nNamespace:\tdefault\nIPs:\n  IP:\t10.244.1.2\nQoS Class:\tBestEffort\n', DESCRIBE_TABS);
    expect(text).toBe('Name:       web\nNamespace:  default\nIPs:\n  IP:       10.244.1.2\nQoS Class:  BestEffort\n');
  });
});
