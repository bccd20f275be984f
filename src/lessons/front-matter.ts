// Splits a markdown document into its YAML front matter (between `---` lines at the very top)
// and its body.

import { parse } from 'yaml';

export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
}

export function splitFrontMatter(source: string): FrontMatterDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  const data: unknown = parse(match[1]) ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('front matter must be a YAML mapping');
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
