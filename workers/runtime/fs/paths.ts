// Path arithmetic for the container filesystem: normalising absolute paths (`.`, `..`, repeated
// slashes), joining a directory with a relative path, and splitting into parent and name.

/** `/a/./b//c/../d` → `/a/b/d`; `..` never climbs above `/`. */
export function normalizeAbsolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Resolves `path` (absolute or relative) against the absolute directory `dir`. */
export function resolvePath(dir: string, path: string): string {
  return normalizeAbsolute(path.startsWith('/') ? path : `${dir}/${path}`);
}

/** Relative paths inside one filesystem: `''` is its root. */
export function joinRelative(base: string, rest: string): string {
  if (base === '') return rest;
  if (rest === '') return base;
  return `${base}/${rest}`;
}

export function splitParent(relative: string): { parent: string; name: string } {
  const slash = relative.lastIndexOf('/');
  return slash < 0 ? { parent: '', name: relative } : { parent: relative.slice(0, slash), name: relative.slice(slash + 1) };
}

/** Whether `path` is `prefix` or lies under it (both absolute and normalised). */
export function isWithin(path: string, prefix: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}
