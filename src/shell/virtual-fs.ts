// The shell's files: a small in-memory filesystem (one flat namespace of paths under the
// home directory) for manifests written with `cat > pod.yaml <<EOF` and read by
// `kubectl apply -f`, and binary files (WebAssembly programs for `kubetab image load`, put here
// by the page's file picker or by `curl -o`). The page persists the text files between visits
// through a storage port; binary files last for the session.

export interface FileStore {
  load(): Record<string, string>;
  save(files: Record<string, string>): void;
}

export const HOME = '/home/learner';

export class VirtualFs {
  private files: Record<string, string>;
  private readonly binaries = new Map<string, Uint8Array>();
  cwd = HOME;

  constructor(private readonly store?: FileStore) {
    this.files = store?.load() ?? {};
  }

  /** An absolute, normalised path for `path` from the current directory. */
  resolve(path: string): string {
    const base = path.startsWith('/') ? '' : this.cwd;
    const parts: string[] = [];
    for (const part of `${base}/${path.replace(/^~(?=\/|$)/, HOME)}`.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return `/${parts.join('/')}`;
  }

  /** A file's text (a binary file decoded as UTF-8), or undefined when there is none. */
  read(path: string): string | undefined {
    const key = this.resolve(path);
    const binary = this.binaries.get(key);
    return binary ? new TextDecoder().decode(binary) : this.files[key];
  }

  /** A file's bytes (a text file encoded as UTF-8), or undefined when there is none. */
  readBinary(path: string): Uint8Array | undefined {
    const key = this.resolve(path);
    const text = this.files[key];
    return text !== undefined ? new TextEncoder().encode(text) : this.binaries.get(key);
  }

  write(path: string, content: string, append = false): void {
    const key = this.resolve(path);
    const previous = append ? (this.read(key) ?? '') : '';
    this.binaries.delete(key);
    this.files[key] = previous + content;
    this.store?.save(this.files);
  }

  /** Writes a binary file, replacing whatever was at `path`. */
  writeBinary(path: string, bytes: Uint8Array): void {
    const key = this.resolve(path);
    if (key in this.files) {
      delete this.files[key];
      this.store?.save(this.files);
    }
    this.binaries.set(key, bytes.slice());
  }

  remove(path: string): boolean {
    const key = this.resolve(path);
    if (this.binaries.delete(key)) return true;
    if (!(key in this.files)) return false;
    delete this.files[key];
    this.store?.save(this.files);
    return true;
  }

  isDirectory(path: string): boolean {
    const prefix = `${this.resolve(path)}/`;
    return prefix === '//' || this.paths().some((k) => k.startsWith(prefix)) || this.resolve(path) === HOME;
  }

  /** Entries directly inside a directory (files, and sub-directories with a trailing `/`). */
  list(path: string): string[] {
    const dir = this.resolve(path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const key of this.paths()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
    }
    return [...names].sort();
  }

  /** Every file under a directory, recursively, as absolute paths. */
  walk(path: string): string[] {
    const prefix = `${this.resolve(path)}/`;
    return this.paths().filter((k) => k.startsWith(prefix)).sort();
  }

  private paths(): string[] {
    return [...Object.keys(this.files), ...this.binaries.keys()];
  }
}
