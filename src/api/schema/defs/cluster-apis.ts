// The smaller groups: coordination.k8s.io (Lease), discovery.k8s.io (EndpointSlice),
// events.k8s.io (Event), policy (Eviction), autoscaling (Scale), and the review kinds of
// authorization.k8s.io and authentication.k8s.io that `kubectl auth` creates. Upstream:
// staging/src/k8s.io/api/{coordination,discovery,events,policy,autoscaling,authorization,authentication}/v1/types.go.

import { kind, type PackageSpec } from '../define';

export const COORDINATION: PackageSpec = {
  prefix: 'io.k8s.api.coordination.v1',
  structs: {
    Lease: kind('coordination.k8s.io', 'v1', 'Lease', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 LeaseSpec',
    }),
    LeaseSpec: {
      holderIdentity: '1 *string',
      leaseDurationSeconds: '2 *int32',
      acquireTime: '3 *MicroTime',
      renewTime: '4 *MicroTime',
      leaseTransitions: '5 *int32',
      strategy: '6 *string',
      preferredHolder: '7 *string',
    },
  },
};

export const DISCOVERY: PackageSpec = {
  prefix: 'io.k8s.api.discovery.v1',
  structs: {
    EndpointSlice: kind('discovery.k8s.io', 'v1', 'EndpointSlice', {
      metadata: '1 meta.ObjectMeta',
      addressType: '4 string!',
      endpoints: '2 []Endpoint! atomic',
      ports: '3 []EndpointPort atomic',
    }),
    Endpoint: {
      addresses: '1 []string! set',
      conditions: '2 EndpointConditions',
      hostname: '3 *string',
      targetRef: '4 *core.ObjectReference',
      deprecatedTopology: '5 map[string]string',
      nodeName: '6 *string',
      zone: '7 *string',
      hints: '8 *EndpointHints',
    },
    EndpointConditions: {
      ready: '1 *boolean',
      serving: '2 *boolean',
      terminating: '3 *boolean',
    },
    EndpointHints: {
      forZones: '1 []ForZone atomic',
    },
    ForZone: {
      name: '1 string!',
    },
    EndpointPort: {
      name: '1 *string',
      protocol: '2 *string',
      port: '3 *int32',
      appProtocol: '4 *string',
    },
  },
};

export const EVENTS: PackageSpec = {
  prefix: 'io.k8s.api.events.v1',
  structs: {
    Event: kind('events.k8s.io', 'v1', 'Event', {
      metadata: '1 meta.ObjectMeta',
      eventTime: '2 MicroTime!',
      series: '3 *EventSeries',
      reportingController: '4 string',
      reportingInstance: '5 string',
      action: '6 string',
      reason: '7 string',
      regarding: '8 core.ObjectReference',
      related: '9 *core.ObjectReference',
      note: '10 string',
      type: '11 string',
      deprecatedSource: '12 core.EventSource',
      deprecatedFirstTimestamp: '13 Time',
      deprecatedLastTimestamp: '14 Time',
      deprecatedCount: '15 int32',
    }),
    EventSeries: {
      count: '1 int32!',
      lastObservedTime: '2 MicroTime!',
    },
  },
};

export const POLICY: PackageSpec = {
  prefix: 'io.k8s.api.policy.v1',
  structs: {
    Eviction: kind('policy', 'v1', 'Eviction', {
      metadata: '1 meta.ObjectMeta',
      deleteOptions: '2 *meta.DeleteOptions',
    }),
  },
};

export const AUTOSCALING: PackageSpec = {
  prefix: 'io.k8s.api.autoscaling.v1',
  structs: {
    Scale: kind('autoscaling', 'v1', 'Scale', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 ScaleSpec',
      status: '3 ScaleStatus',
    }),
    ScaleSpec: {
      replicas: '1 int32',
    },
    ScaleStatus: {
      replicas: '1 int32!',
      selector: '2 string',
    },
  },
};

export const AUTHORIZATION: PackageSpec = {
  prefix: 'io.k8s.api.authorization.v1',
  structs: {
    SelfSubjectAccessReview: kind('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SelfSubjectAccessReviewSpec!',
      status: '3 SubjectAccessReviewStatus',
    }),
    SelfSubjectAccessReviewSpec: {
      resourceAttributes: '1 *ResourceAttributes',
      nonResourceAttributes: '2 *NonResourceAttributes',
    },
    ResourceAttributes: {
      namespace: '1 string',
      verb: '2 string',
      group: '3 string',
      version: '4 string',
      resource: '5 string',
      subresource: '6 string',
      name: '7 string',
      fieldSelector: '8 *FieldSelectorAttributes',
      labelSelector: '9 *LabelSelectorAttributes',
    },
    FieldSelectorAttributes: {
      rawSelector: '1 string',
      requirements: '2 []meta.FieldSelectorRequirement atomic',
    },
    LabelSelectorAttributes: {
      rawSelector: '1 string',
      requirements: '2 []meta.LabelSelectorRequirement atomic',
    },
    NonResourceAttributes: {
      path: '1 string',
      verb: '2 string',
    },
    SubjectAccessReviewStatus: {
      allowed: '1 boolean!',
      denied: '4 boolean',
      reason: '2 string',
      evaluationError: '3 string',
    },
    SelfSubjectRulesReview: kind('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', {
      metadata: '1 meta.ObjectMeta',
      spec: '2 SelfSubjectRulesReviewSpec!',
      status: '3 SubjectRulesReviewStatus',
    }),
    SelfSubjectRulesReviewSpec: {
      namespace: '1 string',
    },
    SubjectRulesReviewStatus: {
      resourceRules: '1 []ResourceRule! atomic',
      nonResourceRules: '2 []NonResourceRule! atomic',
      incomplete: '3 boolean!',
      evaluationError: '4 string',
    },
    ResourceRule: {
      verbs: '1 []string! atomic',
      apiGroups: '2 []string atomic',
      resources: '3 []string atomic',
      resourceNames: '4 []string atomic',
    },
    NonResourceRule: {
      verbs: '1 []string! atomic',
      nonResourceURLs: '2 []string atomic',
    },
  },
};

export const AUTHENTICATION: PackageSpec = {
  prefix: 'io.k8s.api.authentication.v1',
  structs: {
    SelfSubjectReview: kind('authentication.k8s.io', 'v1', 'SelfSubjectReview', {
      metadata: '1 meta.ObjectMeta',
      status: '2 SelfSubjectReviewStatus',
    }),
    SelfSubjectReviewStatus: {
      userInfo: '1 UserInfo',
    },
    UserInfo: {
      username: '1 string',
      uid: '2 string',
      groups: '3 []string atomic',
      extra: '4 map[string][]string',
    },
  },
};
