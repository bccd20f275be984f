import { describe, expect, it } from 'vitest';
import { NodeTable } from './node-table';

describe('NodeTable', () => {
  it('grows without losing figures', () => {
    const table = new NodeTable();
    table.ensure(3);
    table.requestedMilliCpu[3] = 250;
    table.ensure(1000);
    expect(table.requestedMilliCpu[3]).toBe(250);
    expect(table.requestedMilliCpu.length).toBeGreaterThan(1000);
  });

  it('moves a slot over another, zeroing where it came from', () => {
    const table = new NodeTable();
    table.ensure(2);
    table.allocatablePods[2] = 110;
    table.requestedMemory[2] = 1024;
    table.unschedulable[2] = 1;
    table.move(2, 0);
    expect([table.allocatablePods[0], table.requestedMemory[0], table.unschedulable[0]]).toEqual([110, 1024, 1]);
    expect([table.allocatablePods[2], table.requestedMemory[2], table.unschedulable[2]]).toEqual([0, 0, 0]);
  });

  it('counts the nodes with PreferNoSchedule taints through sets, moves and clears', () => {
    const table = new NodeTable();
    table.ensure(3);
    table.setTaints(0, 1, 2);
    table.setTaints(1, 0, 1);
    table.setTaints(1, 0, 3);
    expect(table.softTaintedNodes).toBe(2);
    table.move(1, 0);
    expect(table.softTaintedNodes).toBe(1);
    expect(table.softTaints[0]).toBe(3);
    table.clear(0);
    expect(table.softTaintedNodes).toBe(0);
  });
});
