// The terminal as a separate chunk: xterm, the shell and kubectl load beside the control plane
// instead of before it, so the cluster is up as soon as possible.

export { default as TerminalPane } from './TerminalPane.svelte';
export { shellFactory } from './shell-factory';
