// kubectl set: changes one feature of objects' pod templates (image, env).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set.go.

import type { Command } from '../command';
import { envCommand } from './set/env';
import { imageCommand } from './set/image';

export const setCommand: Command = {
  name: 'set',
  summary: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [envCommand, imageCommand],
};
