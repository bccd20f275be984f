// Reads the objects `-f` names, as kubectl's resource builder does: files, directories (their
// .json, .yaml and .yml files; nested ones with -R), or `-` for standard input; each file may
// hold several YAML documents or JSON values, and Lists are unpacked. Each object keeps the
// source it came from for error messages. A document that cannot be parsed ends its file: the
// objects before it are still read, and so are the other files, with the parse error in line
// where the builder's stream visitor meets it. Upstream:
// staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go (FileVisitor, StreamVisitor).

import { parseAllDocuments } from 'yaml';
import { KUBECTL_YAML } from '../../api/go-yaml';
import type { KubeObject } from '../../api/meta';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { goYamlError } from './go-yaml-errors';

export interface Manifest {
  object: KubeObject;
  /** The file name as given (`pod.yaml`, `STDIN`). */
  source: string;
}

/** A document that cannot be parsed, in line with the objects read before it. */
export interface UnreadableDocument {
  unreadable: KubectlError;
}

export type ManifestEntry = Manifest | UnreadableDocument;

const EXTENSIONS = /\.(json|ya?ml)$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unpack(value: unknown, source: string): Manifest[] {
  if (!isObject(value)) throw new KubectlError(`error: error parsing ${source}: expected an object, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    return value.items.flatMap((item) => unpack(item, source));
  }
  return [{ object: value as unknown as KubeObject, source }];
}

/** Parses one file's text into its objects (empty documents are skipped), up to the first that cannot be parsed. */
function parseManifests(text: string, source: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  const documents = parseAllDocuments(text, KUBECTL_YAML);
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) {
      entries.push({ unreadable: new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: ${goYamlError(text, document.errors[0])}`) });
      return entries;
    }
    const value: unknown = document.toJSON();
    if (value === null || value === undefined) continue;
    entries.push(...unpack(value, source));
  }
  return entries;
}

async function readPath(ctx: KubectlContext, path: string, recursive: boolean): Promise<ManifestEntry[]> {
  if (path === '') throw new KubectlError('error: the path "" does not exist');
  const listing = path === '-' ? undefined : await ctx.listDirectory(path);
  if (listing) {
    const manifests: ManifestEntry[] = [];
    for (const entry of listing) {
      const nested = await ctx.listDirectory(entry);
      if (nested) {
        if (recursive) manifests.push(...(await readPath(ctx, entry, recursive)));
        continue;
      }
      if (EXTENSIONS.test(entry)) manifests.push(...(await readPath(ctx, entry, recursive)));
    }
    return manifests;
  }
  let text: string;
  try {
    text = await ctx.readFile(path);
  } catch {
    throw new KubectlError(`error: the path "${path}" does not exist`);
  }
  return parseManifests(text, path === '-' ? 'STDIN' : path);
}

/** Every object the `-f` paths name, in order, with any document that cannot be parsed in line. */
export async function readManifests(ctx: KubectlContext, paths: readonly string[], recursive: boolean): Promise<ManifestEntry[]> {
  const manifests: ManifestEntry[] = [];
  for (const path of paths) manifests.push(...(await readPath(ctx, path, recursive)));
  return manifests;
}

export function isUnreadable(entry: ManifestEntry): entry is UnreadableDocument {
  return 'unreadable' in entry;
}
