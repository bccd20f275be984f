// --cascade: the propagation policy a deletion asks for (background, foreground or orphan),
// with the deprecated booleans still taken, as kubectl does, with a warning.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (GetCascadingStrategy).

import { KubectlError } from './errors';
import { parseGoBool } from './flags';

const POLICIES: Record<string, string> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };

/** The propagationPolicy for `--cascade=value`; `warn` receives the deprecation warning. */
export function cascadePolicy(value: string, warn: (text: string) => void): string {
  const boolean = parseGoBool(value);
  if (boolean !== undefined) {
    const asBoolean = boolean ? 'background' : 'orphan';
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${asBoolean}.\n`);
    return POLICIES[asBoolean];
  }
  const policy = POLICIES[value];
  if (!policy) throw new KubectlError(`error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
  return policy;
}
