// The oracle's corpus, in the order it runs: reading commands first (the seeded state does not
// change under them), then commands that change the cluster, on twin objects.

import { DESCRIBE_CASES } from './describe';
import { ERROR_CASES, NAMELESS_CASES } from './errors';
import { EVENTS_CASES } from './events';
import { GET_CASES } from './get';
import { GET_FILES_CASES } from './get-files';
import { MUTATE_CASES } from './mutate';
import { OTHER_CASES } from './other';
import { REPLACE_CASES } from './replace';
import type { OracleCase } from './types';
import { YAML_ERROR_CASES } from './yaml-errors';
import { YAML_SCALAR_CASES } from './yaml-scalars';

export type { OracleCase } from './types';

export const CORPUS: readonly OracleCase[] = [...GET_CASES, ...GET_FILES_CASES, ...DESCRIBE_CASES, ...EVENTS_CASES, ...OTHER_CASES, ...ERROR_CASES, ...NAMELESS_CASES, ...YAML_SCALAR_CASES, ...YAML_ERROR_CASES, ...MUTATE_CASES, ...REPLACE_CASES];
