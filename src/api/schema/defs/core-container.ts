// core/v1 container types: the container itself, its ports, environment, mounts, resources,
// probes, lifecycle hooks and security context. Upstream: staging/src/k8s.io/api/core/v1/types.go.

import { atomic } from '../define';

const CONTAINER_FIELDS = {
  name: '1 string!',
  image: '2 string',
  command: '3 []string atomic',
  args: '4 []string atomic',
  workingDir: '5 string',
  ports: '6 []ContainerPort merge=containerPort map=containerPort,protocol',
  envFrom: '19 []EnvFromSource atomic',
  env: '7 []EnvVar merge=name map=name',
  resources: '8 ResourceRequirements',
  resizePolicy: '23 []ContainerResizePolicy atomic',
  restartPolicy: '24 *string',
  volumeMounts: '9 []VolumeMount merge=mountPath map=mountPath',
  volumeDevices: '21 []VolumeDevice merge=devicePath map=devicePath',
  livenessProbe: '10 *Probe',
  readinessProbe: '11 *Probe',
  startupProbe: '22 *Probe',
  lifecycle: '12 *Lifecycle',
  terminationMessagePath: '13 string',
  terminationMessagePolicy: '20 string',
  imagePullPolicy: '14 string go=v1.PullPolicy',
  securityContext: '15 *SecurityContext',
  stdin: '16 boolean',
  stdinOnce: '17 boolean',
  tty: '18 boolean',
};

export const CORE_CONTAINER = {
  Container: CONTAINER_FIELDS,
  EphemeralContainerCommon: CONTAINER_FIELDS,
  EphemeralContainer: {
    '...EphemeralContainerCommon': '1 EphemeralContainerCommon',
    targetContainerName: '2 string',
  },
  ContainerPort: {
    name: '1 string',
    hostPort: '2 int32',
    containerPort: '3 int32!',
    protocol: '4 string go=v1.Protocol',
    hostIP: '5 string',
  },
  VolumeMount: {
    name: '1 string!',
    readOnly: '2 boolean',
    recursiveReadOnly: '7 *string',
    mountPath: '3 string!',
    subPath: '4 string',
    mountPropagation: '5 *string',
    subPathExpr: '6 string',
  },
  VolumeDevice: {
    name: '1 string!',
    devicePath: '2 string!',
  },
  EnvVar: {
    name: '1 string!',
    value: '2 string',
    valueFrom: '3 *EnvVarSource',
  },
  EnvVarSource: {
    fieldRef: '1 *ObjectFieldSelector',
    resourceFieldRef: '2 *ResourceFieldSelector',
    configMapKeyRef: '3 *ConfigMapKeySelector',
    secretKeyRef: '4 *SecretKeySelector',
  },
  ObjectFieldSelector: atomic({
    apiVersion: '1 string',
    fieldPath: '2 string!',
  }),
  ResourceFieldSelector: atomic({
    containerName: '1 string',
    resource: '2 string!',
    divisor: '3 Quantity',
  }),
  ConfigMapKeySelector: atomic({
    '...LocalObjectReference': '1 LocalObjectReference',
    key: '2 string!',
    optional: '3 *boolean',
  }),
  SecretKeySelector: atomic({
    '...LocalObjectReference': '1 LocalObjectReference',
    key: '2 string!',
    optional: '3 *boolean',
  }),
  EnvFromSource: {
    prefix: '1 string',
    configMapRef: '2 *ConfigMapEnvSource',
    secretRef: '3 *SecretEnvSource',
  },
  ConfigMapEnvSource: {
    '...LocalObjectReference': '1 LocalObjectReference',
    optional: '2 *boolean',
  },
  SecretEnvSource: {
    '...LocalObjectReference': '1 LocalObjectReference',
    optional: '2 *boolean',
  },
  ResourceRequirements: {
    limits: '1 map[string]Quantity go=v1.ResourceList',
    requests: '2 map[string]Quantity go=v1.ResourceList',
    claims: '3 []ResourceClaim map=name',
  },
  ResourceClaim: {
    name: '1 string!',
    request: '2 string',
  },
  ContainerResizePolicy: {
    resourceName: '1 string!',
    restartPolicy: '2 string!',
  },
  Probe: {
    '...ProbeHandler': '1 ProbeHandler',
    initialDelaySeconds: '2 int32',
    timeoutSeconds: '3 int32',
    periodSeconds: '4 int32',
    successThreshold: '5 int32',
    failureThreshold: '6 int32',
    terminationGracePeriodSeconds: '7 *int64',
  },
  ProbeHandler: {
    exec: '1 *ExecAction',
    httpGet: '2 *HTTPGetAction',
    tcpSocket: '3 *TCPSocketAction',
    grpc: '4 *GRPCAction',
  },
  LifecycleHandler: {
    exec: '1 *ExecAction',
    httpGet: '2 *HTTPGetAction',
    tcpSocket: '3 *TCPSocketAction',
    sleep: '4 *SleepAction',
  },
  Lifecycle: {
    postStart: '1 *LifecycleHandler',
    preStop: '2 *LifecycleHandler',
  },
  ExecAction: {
    command: '1 []string atomic',
  },
  HTTPGetAction: {
    path: '1 string',
    port: '2 IntOrString!',
    host: '3 string',
    scheme: '4 string',
    httpHeaders: '5 []HTTPHeader atomic',
  },
  HTTPHeader: {
    name: '1 string!',
    value: '2 string!',
  },
  TCPSocketAction: {
    port: '1 IntOrString!',
    host: '2 string',
  },
  GRPCAction: {
    port: '1 int32!',
    service: '2 *string',
  },
  SleepAction: {
    seconds: '1 int64!',
  },
  SecurityContext: {
    capabilities: '1 *Capabilities',
    privileged: '2 *boolean',
    seLinuxOptions: '3 *SELinuxOptions',
    windowsOptions: '10 *WindowsSecurityContextOptions',
    runAsUser: '4 *int64',
    runAsGroup: '8 *int64',
    runAsNonRoot: '5 *boolean',
    readOnlyRootFilesystem: '6 *boolean',
    allowPrivilegeEscalation: '7 *boolean',
    procMount: '9 *string',
    seccompProfile: '11 *SeccompProfile',
    appArmorProfile: '12 *AppArmorProfile',
  },
  Capabilities: {
    add: '1 []string atomic',
    drop: '2 []string atomic',
  },
  SELinuxOptions: {
    user: '1 string',
    role: '2 string',
    type: '3 string',
    level: '4 string',
  },
  WindowsSecurityContextOptions: {
    gmsaCredentialSpecName: '1 *string',
    gmsaCredentialSpec: '2 *string',
    runAsUserName: '3 *string',
    hostProcess: '4 *boolean',
  },
  SeccompProfile: {
    type: '1 string!',
    localhostProfile: '2 *string',
  },
  AppArmorProfile: {
    type: '1 string!',
    localhostProfile: '2 *string',
  },
};
