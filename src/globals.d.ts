// The host globals that every place kubetab's core runs provides: a browser page, a Web Worker and
// Node. The core layer (.config/tsconfig.core.json) sees only these and ES2023, so it cannot grow a
// dependency on the DOM or on Node by accident.

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare function atob(data: string): string;
declare function btoa(data: string): string;

declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

declare const performance: { now(): number };

declare const crypto: {
  getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T;
  /** Only in secure contexts (https, localhost) in browsers. */
  randomUUID?(): string;
};

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

declare class URLSearchParams {
  constructor(init?: string | Record<string, string> | [string, string][]);
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  append(name: string, value: string): void;
  delete(name: string): void;
  keys(): IterableIterator<string>;
  entries(): IterableIterator<[string, string]>;
  toString(): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  toString(): string;
}

/** The structural part of MessagePort / worker_threads ports that comlink's endpoints use. */
interface MessageEndpoint {
  postMessage(message: unknown, transfer?: unknown[]): void;
}
