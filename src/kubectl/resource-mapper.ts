// kubectl's view of the server's resources, from discovery (/api, /apis and each group
// version): resolving what a user types (`po`, `pod`, `pods`, `Pod`, `deploy.apps`,
// `deployments.v1.apps`) to a resource, and expanding categories such as `all`. Discovery is
// fetched once and reused. Upstream: staging/src/k8s.io/client-go/restmapper.

import type { ResourceType } from '../api/scheme';
import type { ApiClient } from '../client/client';
import { KubectlError } from './errors';

interface DiscoveredResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface ResourceList {
  groupVersion: string;
  resources: DiscoveredResource[];
}

interface GroupList {
  groups: { name: string; preferredVersion?: { groupVersion: string; version: string }; versions: { groupVersion: string; version: string }[] }[];
}

export class ResourceMapper {
  private loaded?: Promise<ResourceType[]>;

  constructor(private readonly client: ApiClient) {}

  /** Every resource the server serves, core group first, then groups in discovery order. */
  all(): Promise<ResourceType[]> {
    this.loaded ??= this.discover().catch((error) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async discover(): Promise<ResourceType[]> {
    const lists: ResourceList[] = [];
    const groups = await this.client.send<GroupList>({ method: 'GET', path: '/apis' });
    lists.push(await this.client.send<ResourceList>({ method: 'GET', path: '/api/v1' }));
    for (const group of groups.groups) {
      const version = group.preferredVersion ?? group.versions[0];
      lists.push(await this.client.send<ResourceList>({ method: 'GET', path: `/apis/${version.groupVersion}` }));
    }
    const types: ResourceType[] = [];
    for (const list of lists) {
      const slash = list.groupVersion.indexOf('/');
      const group = slash < 0 ? '' : list.groupVersion.slice(0, slash);
      const version = slash < 0 ? list.groupVersion : list.groupVersion.slice(slash + 1);
      const subresources = new Map<string, string[]>();
      for (const r of list.resources) {
        const [base, sub] = r.name.split('/');
        if (sub) subresources.set(base, [...(subresources.get(base) ?? []), sub]);
      }
      for (const r of list.resources) {
        if (r.name.includes('/')) continue;
        types.push({
          group,
          version,
          resource: r.name,
          kind: r.kind,
          listKind: `${r.kind}List`,
          singularName: r.singularName || r.kind.toLowerCase(),
          namespaced: r.namespaced,
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          verbs: r.verbs ?? [],
          subresources: subresources.get(r.name) ?? [],
        });
      }
    }
    return types;
  }

  /** The resource a user means by `text`, or kubectl's error when there is none. */
  async resolve(text: string): Promise<ResourceType> {
    const found = await this.find(text);
    if (!found) throw new KubectlError(`error: the server doesn't have a resource type "${text}"`);
    return found;
  }

  async find(text: string): Promise<ResourceType | undefined> {
    const types = await this.all();
    const lower = text.toLowerCase();
    const parts = lower.split('.');
    const candidates: { name: string; group?: string; version?: string }[] = [{ name: lower }];
    if (parts.length >= 2) candidates.push({ name: parts[0], group: parts.slice(1).join('.') });
    if (parts.length >= 3) candidates.push({ name: parts[0], version: parts[1], group: parts.slice(2).join('.') });
    for (const candidate of candidates) {
      const match = types.find(
        (t) =>
          (candidate.group === undefined || t.group === candidate.group) &&
          (candidate.version === undefined || t.version === candidate.version) &&
          (t.resource === candidate.name || t.singularName === candidate.name || t.kind.toLowerCase() === candidate.name || t.shortNames.includes(candidate.name)),
      );
      if (match) return match;
    }
    return undefined;
  }

  /** Resources in a category (`all`), in discovery order. */
  async category(name: string): Promise<ResourceType[]> {
    return (await this.all()).filter((t) => t.categories.includes(name));
  }

  /** The resource of a kind in an apiVersion (for objects read from files). */
  async forKind(apiVersion: string, kind: string): Promise<ResourceType | undefined> {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return (await this.all()).find((t) => t.group === group && t.version === version && t.kind === kind);
  }
}

/** `pod`, `deployment.apps`: how kubectl names a kind in `kind/name` output. */
export function kindName(type: Pick<ResourceType, 'kind' | 'group'>): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
}
