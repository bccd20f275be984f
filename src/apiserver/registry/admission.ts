// Admission: the plugins every write passes through after decoding and defaulting, before it
// is stored. Mutating plugins may change the object; validating plugins may only refuse it.
// Upstream: staging/src/k8s.io/apiserver/pkg/admission and plugin/pkg/admission.

import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { StrategyContext } from './strategy';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionAttributes {
  operation: AdmissionOperation;
  type: ResourceType;
  subresource?: string;
  namespace?: string;
  name?: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
  context: StrategyContext;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** May change `attributes.object`; throws an ApiError to refuse. */
  admit?(attributes: AdmissionAttributes): void;
  /** Throws an ApiError to refuse; never changes anything. */
  validate?(attributes: AdmissionAttributes): void;
}

export class AdmissionChain {
  constructor(private readonly plugins: readonly AdmissionPlugin[]) {}

  admit(attributes: AdmissionAttributes): void {
    for (const plugin of this.plugins) plugin.admit?.(attributes);
  }

  validate(attributes: AdmissionAttributes): void {
    for (const plugin of this.plugins) plugin.validate?.(attributes);
  }
}
