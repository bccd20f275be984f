// Image references as container runtimes read them: `nginx` is
// `docker.io/library/nginx:latest`; `busybox:1.36`, `hashicorp/http-echo:1.0` and
// `registry.k8s.io/e2e-test-images/agnhost:2.39` keep their registry and tag.

export interface ImageReference {
  /** The registry host: `docker.io`, `registry.k8s.io`. */
  registry: string;
  /** The repository path without registry: `library/nginx`, `hashicorp/http-echo`. */
  repository: string;
  tag: string;
  digest?: string;
}

export class InvalidImageNameError extends Error {}

const DOMAIN = /^[a-zA-Z0-9.-]+(:\d+)?$/;
const PATH_COMPONENT = /^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;

export function parseImageReference(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = 'latest';
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    registry = parts.shift() as string;
    if (!DOMAIN.test(registry)) throw new InvalidImageNameError(text);
  }
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p)) || !TAG.test(tag)) throw new InvalidImageNameError(text);
  return { registry, repository: parts.join('/'), tag, digest };
}

/** `docker.io/library/nginx:latest`: the fully qualified name kubelets report. */
export function qualifiedImageName(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}:${ref.tag}`;
}

/** The short repository name a catalog lists: `nginx`, `hashicorp/http-echo`, `e2e-test-images/agnhost`. */
export function catalogName(ref: ImageReference): string {
  return ref.registry === 'docker.io' && ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : ref.repository;
}
