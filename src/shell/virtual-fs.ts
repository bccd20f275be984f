// The shell's files: a small in-memory filesystem (one flat namespace of paths under the
// home directory) for manifests written with `cat > pod.yaml <<EOF` and read by
// `kubectl apply -f`. The page persists it between visits through a storage port.

export interface FileStore {
  load(): Record<string, string>;
  save(files: Record<string, string>): void;
}

export const HOME = '/home/learner';

export class VirtualFs {
  private files: Record<string, string>;
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

  read(path: string): string | undefined {
    return this.files[this.resolve(path)];
  }

  write(path: string, content: string, append = false): void {
    const key = this.resolve(path);
    this.files[key] = append ? (this.files[key] ?? '') + content : content;
    this.store?.save(this.files);
  }

  remove(path: string): boolean {
    const key = this.resolve(path);
    if (!(key in this.files)) return false;
    delete this.files[key];
    this.store?.save(this.files);
    return true;
  }

  isDirectory(path: string): boolean {
    const prefix = `${this.resolve(path)}/`;
    return prefix === '//' || Object.keys(this.files).some((k) => k.startsWith(prefix)) || this.resolve(path) === HOME;
  }

  /** Entries directly inside a directory (files, and sub-directories with a trailing `/`). */
  list(path: string): string[] {
    const dir = this.resolve(path);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const key of Object.keys(this.files)) {
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
    return Object.keys(this.files).filter((k) => k.startsWith(prefix)).sort();
  }
}
