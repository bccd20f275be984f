// core/v1 volume types a pod can mount: emptyDir, hostPath, configMap, secret, downwardAPI,
// projected, persistentVolumeClaim, nfs, csi, ephemeral and image volumes. (Cloud and legacy
// in-tree volume plugins are not served.) Upstream: staging/src/k8s.io/api/core/v1/types.go.

import { atomic } from '../define';

export const CORE_VOLUME = {
  Volume: {
    name: '1 string!',
    '...VolumeSource': '2 VolumeSource',
  },
  VolumeSource: {
    hostPath: '1 *HostPathVolumeSource',
    emptyDir: '2 *EmptyDirVolumeSource',
    secret: '6 *SecretVolumeSource',
    nfs: '7 *NFSVolumeSource',
    persistentVolumeClaim: '10 *PersistentVolumeClaimVolumeSource',
    downwardAPI: '16 *DownwardAPIVolumeSource',
    configMap: '19 *ConfigMapVolumeSource',
    projected: '26 *ProjectedVolumeSource',
    csi: '28 *CSIVolumeSource',
    ephemeral: '29 *EphemeralVolumeSource',
    image: '30 *ImageVolumeSource',
  },
  HostPathVolumeSource: {
    path: '1 string!',
    type: '2 *string',
  },
  EmptyDirVolumeSource: {
    medium: '1 string',
    sizeLimit: '2 *Quantity',
  },
  SecretVolumeSource: {
    secretName: '1 string',
    items: '2 []KeyToPath atomic',
    defaultMode: '3 *int32',
    optional: '4 *boolean',
  },
  NFSVolumeSource: {
    server: '1 string!',
    path: '2 string!',
    readOnly: '3 boolean',
  },
  PersistentVolumeClaimVolumeSource: {
    claimName: '1 string!',
    readOnly: '2 boolean',
  },
  DownwardAPIVolumeSource: {
    items: '1 []DownwardAPIVolumeFile atomic',
    defaultMode: '2 *int32',
  },
  DownwardAPIVolumeFile: {
    path: '1 string!',
    fieldRef: '2 *ObjectFieldSelector',
    resourceFieldRef: '3 *ResourceFieldSelector',
    mode: '4 *int32',
  },
  ConfigMapVolumeSource: {
    '...LocalObjectReference': '1 LocalObjectReference',
    items: '2 []KeyToPath atomic',
    defaultMode: '3 *int32',
    optional: '4 *boolean',
  },
  KeyToPath: {
    key: '1 string!',
    path: '2 string!',
    mode: '3 *int32',
  },
  ProjectedVolumeSource: {
    sources: '1 []VolumeProjection! opt atomic',
    defaultMode: '2 *int32',
  },
  VolumeProjection: {
    secret: '1 *SecretProjection',
    downwardAPI: '2 *DownwardAPIProjection',
    configMap: '3 *ConfigMapProjection',
    serviceAccountToken: '4 *ServiceAccountTokenProjection',
    clusterTrustBundle: '5 *ClusterTrustBundleProjection',
  },
  SecretProjection: {
    '...LocalObjectReference': '1 LocalObjectReference',
    items: '2 []KeyToPath atomic',
    optional: '4 *boolean',
  },
  ConfigMapProjection: {
    '...LocalObjectReference': '1 LocalObjectReference',
    items: '2 []KeyToPath atomic',
    optional: '4 *boolean',
  },
  DownwardAPIProjection: {
    items: '1 []DownwardAPIVolumeFile atomic',
  },
  ServiceAccountTokenProjection: {
    audience: '1 string',
    expirationSeconds: '2 *int64',
    path: '3 string!',
  },
  ClusterTrustBundleProjection: {
    name: '1 *string',
    signerName: '2 *string',
    labelSelector: '3 *meta.LabelSelector',
    optional: '5 *boolean',
    path: '4 string!',
  },
  CSIVolumeSource: {
    driver: '1 string!',
    readOnly: '2 *boolean',
    fsType: '3 *string',
    volumeAttributes: '4 map[string]string',
    nodePublishSecretRef: '5 *LocalObjectReference',
  },
  EphemeralVolumeSource: {
    volumeClaimTemplate: '1 *PersistentVolumeClaimTemplate',
  },
  PersistentVolumeClaimTemplate: {
    metadata: '1 meta.ObjectMeta',
    spec: '2 PersistentVolumeClaimSpec!',
  },
  PersistentVolumeClaimSpec: {
    accessModes: '1 []string atomic',
    selector: '4 *meta.LabelSelector',
    resources: '2 VolumeResourceRequirements',
    volumeName: '3 string',
    storageClassName: '5 *string',
    volumeMode: '6 *string',
    dataSource: '7 *TypedLocalObjectReference',
    dataSourceRef: '8 *TypedObjectReference',
    volumeAttributesClassName: '9 *string',
  },
  VolumeResourceRequirements: {
    limits: '1 map[string]Quantity go=v1.ResourceList',
    requests: '2 map[string]Quantity go=v1.ResourceList',
  },
  TypedLocalObjectReference: atomic({
    apiGroup: '1 *string',
    kind: '2 string!',
    name: '3 string!',
  }),
  TypedObjectReference: {
    apiGroup: '1 *string',
    kind: '2 string!',
    name: '3 string!',
    namespace: '4 *string',
  },
  ImageVolumeSource: {
    reference: '1 string',
    pullPolicy: '2 string',
  },
};
