// An API server in process with nothing behind it but its store: the system namespaces and
// their default service accounts, a manual clock, and a client. For tests of the API server
// itself that need no nodes.

import type { KubeObject } from '../../src/api/meta';
import { findResource } from '../../src/api/scheme';
import { ApiServer } from '../../src/apiserver/api-server';
import type { ApiRequest, ApiResponse } from '../../src/apiserver/request';
import { ApiClient, StatusError } from '../../src/client/client';
import { ClusterClock } from '../../src/cluster/clock';
import { MvccStore, type MvccStoreOptions } from '../../src/store/mvcc-store';

export interface TestApi {
  server: ApiServer;
  store: MvccStore<KubeObject>;
  clock: ClusterClock;
  client: ApiClient;
  /** Sends a request and returns the raw response. */
  send(req: ApiRequest): Promise<ApiResponse>;
}

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const SERVICE_ACCOUNTS = findResource('', 'v1', 'serviceaccounts')!;

export async function startTestApi(storeOptions: MvccStoreOptions = {}): Promise<TestApi> {
  const clock = ClusterClock.manual();
  const store = new MvccStore<KubeObject>(storeOptions);
  const server = new ApiServer({ clock, store, kubelets: { endpoint: () => undefined } });
  const client = new ApiClient(server, 'test');
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    await client.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    await client.create(SERVICE_ACCOUNTS, name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
  }
  return { server, store, clock, client, send: (req) => server.request(req) };
}

/** The message of the API error a request fails with; fails the test when the request succeeds. */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StatusError) return error.message;
    throw error;
  }
  throw new Error('the request succeeded');
}
