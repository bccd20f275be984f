// Name, label and annotation validation with apimachinery's messages. Upstream:
// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and
// staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go.

import { fieldError, type FieldError } from '../field-errors';

/** `msg (e.g. 'a',  or 'b', regex used for validation is 're')`, upstream's RegexError. */
function regexError(message: string, regex: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${regex}')`;
  let text = `${message} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) text += ' or ';
    text += `'${example}', `;
  });
  return `${text}regex used for validation is '${regex}')`;
}

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const ENV_VAR_NAME = '[-._a-zA-Z][-._a-zA-Z0-9]*';

function full(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

const dns1123Label = full(DNS1123_LABEL);
const dns1123Subdomain = full(DNS1123_SUBDOMAIN);
const dns1035Label = full(DNS1035_LABEL);
const qualifiedName = full(QUALIFIED_NAME);
const labelValue = full(LABEL_VALUE);
const envVarName = full(ENV_VAR_NAME);

/** Problems with a DNS-1123 subdomain (most object names), as messages. */
export function checkDns1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 253) problems.push('must be no more than 253 characters');
  if (!dns1123Subdomain.test(value)) {
    problems.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        'example.com',
      ),
    );
  }
  return problems;
}

/** Problems with a DNS-1123 label (namespace names, container and port names). */
export function checkDns1123Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  // A valid subdomain that is not a label (its length was checked above) must have dots.
  if (!dns1123Label.test(value) && dns1123Subdomain.test(value)) problems.push('must not contain dots');
  else if (!dns1123Label.test(value)) {
    problems.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL,
        'my-name',
        '123-abc',
      ),
    );
  }
  return problems;
}

/** Problems with a DNS-1035 label (Service names). */
export function checkDns1035Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!dns1035Label.test(value)) {
    problems.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL,
        'my-name',
        'abc-123',
      ),
    );
  }
  return problems;
}

/** Problems with an environment variable name (IsEnvVarName). */
export function checkEnvVarName(value: string): string[] {
  const problems: string[] = [];
  if (!envVarName.test(value)) {
    problems.push(
      regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'),
    );
  }
  if (value === '.') problems.push("must not be '.'");
  else if (value === '..') problems.push("must not be '..'");
  else if (value.startsWith('..')) problems.push("must not start with '..'");
  return problems;
}

/** Problems with a qualified name (`prefix/name`): label and annotation keys. */
export function checkQualifiedName(value: string): string[] {
  const problems: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const [prefix, rest] = parts;
    name = rest;
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else for (const p of checkDns1123Subdomain(prefix)) problems.push(`prefix part ${p}`);
  } else {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push('name part must be no more than 63 characters');
  if (!qualifiedName.test(name)) {
    problems.push(
      regexError(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ),
    );
  }
  return problems;
}

export function checkLabelValue(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!labelValue.test(value)) {
    problems.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return problems;
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const problem of checkQualifiedName(key)) errs.push(fieldError.invalid(field, key, problem));
    for (const problem of checkLabelValue(value)) errs.push(fieldError.invalid(field, value, problem));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    for (const problem of checkQualifiedName(key.toLowerCase())) errs.push(fieldError.invalid(field, key, problem));
    size += key.length + value.length;
  }
  if (size > 256 * 1024) errs.push(fieldError.tooLong(field, 256 * 1024));
  return errs;
}
