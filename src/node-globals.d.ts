// Type names Node's own declarations leave out: the TextEncoder/TextDecoder instance types
// (Node declares only the globals' values) and the module of comlink's Node adapter.

interface TextDecoder {
  readonly encoding: string;
  decode(input?: NodeJS.ArrayBufferView | ArrayBuffer | null, options?: { stream?: boolean }): string;
}

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}

declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(endpoint: unknown): Endpoint;
}
