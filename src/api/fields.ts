// Field selectors (`status.phase=Running,spec.nodeName!=x`): parsing and matching against the
// flat field map each resource exposes. Upstream: staging/src/k8s.io/apimachinery/pkg/fields.

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {}

/** Parses a field selector; an empty string selects everything. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (text.trim() === '') return [];
  return splitTerms(text).map((term) => {
    const notEqual = term.indexOf('!=');
    if (notEqual >= 0) return { field: term.slice(0, notEqual).trim(), operator: '!=', value: unescape(term.slice(notEqual + 2)) };
    const doubleEqual = term.indexOf('==');
    if (doubleEqual >= 0) return { field: term.slice(0, doubleEqual).trim(), operator: '=', value: unescape(term.slice(doubleEqual + 2)) };
    const equal = term.indexOf('=');
    if (equal >= 0) return { field: term.slice(0, equal).trim(), operator: '=', value: unescape(term.slice(equal + 1)) };
    throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
  });
}

/** Splits on commas that are not escaped with a backslash. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text[i] + text[i + 1];
      i++;
    } else if (text[i] === ',') {
      terms.push(current);
      current = '';
    } else {
      current += text[i];
    }
  }
  terms.push(current);
  return terms;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

export function matchesFields(requirements: readonly FieldRequirement[], fields: Readonly<Record<string, string>>): boolean {
  return requirements.every((req) => (req.operator === '=' ? fields[req.field] === req.value : fields[req.field] !== req.value));
}
