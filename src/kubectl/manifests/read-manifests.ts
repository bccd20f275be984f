// Reads the objects `-f` names, as kubectl's resource builder does: files, directories (their
// .json, .yaml and .yml files; nested ones with -R), or `-` for standard input; each file may
// hold several YAML documents or JSON values, and Lists are unpacked. Each object keeps the
// source it came from for error messages. Upstream:
// staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go (FileVisitor, StreamVisitor).

import { parseAllDocuments } from 'yaml';
import { GO_YAML } from '../../api/go-yaml';
import type { KubeObject } from '../../api/meta';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';

export interface Manifest {
  object: KubeObject;
  /** The file name as given (`pod.yaml`, `STDIN`). */
  source: string;
}

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

/** Parses one file's text into its objects (empty documents are skipped). */
export function parseManifests(text: string, source: string): Manifest[] {
  const manifests: Manifest[] = [];
  const documents = parseAllDocuments(text, GO_YAML);
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) {
      const error = document.errors[0];
      const line = error.linePos?.[0]?.line;
      throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    const value: unknown = document.toJSON();
    if (value === null || value === undefined) continue;
    manifests.push(...unpack(value, source));
  }
  return manifests;
}

async function readPath(ctx: KubectlContext, path: string, recursive: boolean): Promise<Manifest[]> {
  if (path === '') throw new KubectlError('error: the path "" does not exist');
  const listing = path === '-' ? undefined : await ctx.listDirectory(path);
  if (listing) {
    const manifests: Manifest[] = [];
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

/** Every object the `-f` paths name, in order. */
export async function readManifests(ctx: KubectlContext, paths: readonly string[], recursive: boolean): Promise<Manifest[]> {
  const manifests: Manifest[] = [];
  for (const path of paths) manifests.push(...(await readPath(ctx, path, recursive)));
  return manifests;
}
