// What the image picker makes of a file the learner brings: its bytes, a suggested image name
// from its file name (`My App.wasm` becomes `my-app:v1`), and the line that runs it.

export interface PickedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Whether a file looks like a WebAssembly program (by name or type). */
export function looksLikeWasm(file: File): boolean {
  return file.name.endsWith('.wasm') || file.type === 'application/wasm';
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A valid image name for a file: its base name, lowercased, with a `v1` tag. */
export function suggestedImageName(fileName: string): string {
  const base = fileName
    .replace(/\.wasm$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `${base || 'my-program'}:v1`;
}

/** The kubectl line that runs a loaded image once as a pod. */
export function runHint(imageName: string): string {
  const podName = imageName.split('/').pop()?.split(':')[0].replace(/[._]/g, '-') ?? 'my-program';
  return `kubectl run ${podName} --image=${imageName} --image-pull-policy=Never --restart=Never`;
}
