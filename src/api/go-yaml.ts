// YAML as Kubernetes reads it (sigs.k8s.io/yaml over go-yaml v2), as options for the `yaml`
// library: YAML 1.1 scalars, so an unquoted `y`, `yes`, `on` or `off` is a boolean and `0755`
// an octal number, but a timestamp stays a string and `1:20` is not a base-60 number. kubectl
// converts without strictness (KUBECTL_YAML): a key written twice keeps its last value.

import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

export const GO_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || (tag.tag !== TIMESTAMP && !('format' in tag && tag.format === 'TIME'))),
};

export const KUBECTL_YAML: ParseOptions & DocumentOptions & SchemaOptions = { ...GO_YAML, uniqueKeys: false };
