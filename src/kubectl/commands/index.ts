// Every kubectl command kubetab implements, in the order `kubectl --help` lists them.

import type { Command } from '../command';
import { clusterInfoCommand } from './cluster-info';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { getCommand } from './get';
import { logsCommand } from './logs';
import { runCommand } from './run';
import { versionCommand } from './version';

export const COMMANDS: readonly Command[] = [runCommand, getCommand, deleteCommand, describeCommand, logsCommand, clusterInfoCommand, versionCommand];
