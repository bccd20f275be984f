// API errors as the Kubernetes `Status` objects the real API server returns, with upstream's
// reasons, codes and messages. Upstream: staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go.

import { type FieldError, formatFieldError } from '../api/field-errors';
import type { Status, StatusCause } from '../api/meta';

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

interface Qualified {
  group: string;
  resource: string;
}

function qualified(target: Qualified): string {
  return target.group ? `${target.resource}.${target.group}` : target.resource;
}

function status(code: number, reason: string, message: string, details?: Status['details']): Status {
  const result: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) result.details = details;
  return result;
}

function detailsFor(target: Qualified, name: string, extra: Partial<NonNullable<Status['details']>> = {}): Status['details'] {
  const details: NonNullable<Status['details']> = { name };
  if (target.group) details.group = target.group;
  details.kind = target.resource;
  return { ...details, ...extra };
}

export const errors = {
  notFound(target: Qualified, name: string): ApiError {
    return new ApiError(status(404, 'NotFound', `${qualified(target)} "${name}" not found`, detailsFor(target, name)));
  },
  alreadyExists(target: Qualified, name: string): ApiError {
    return new ApiError(status(409, 'AlreadyExists', `${qualified(target)} "${name}" already exists`, detailsFor(target, name)));
  },
  conflict(target: Qualified, name: string, detail: string): ApiError {
    return new ApiError(
      status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(target)} "${name}": ${detail}`, detailsFor(target, name)),
    );
  },
  modified(target: Qualified, name: string): ApiError {
    return errors.conflict(target, name, 'the object has been modified; please apply your changes to the latest version and try again');
  },
  invalid(kind: string, group: string, name: string, fieldErrors: readonly FieldError[]): ApiError {
    const causes: StatusCause[] = fieldErrors.map((e) => ({
      reason: e.type,
      message: formatFieldError(e).slice(e.field.length + 2),
      field: e.field,
    }));
    const texts = fieldErrors.map(formatFieldError);
    const summary = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`;
    const qualifiedKind = group ? `${kind}.${group}` : kind;
    const details: NonNullable<Status['details']> = { name };
    if (group) details.group = group;
    details.kind = kind;
    details.causes = causes;
    return new ApiError(status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, details));
  },
  badRequest(message: string): ApiError {
    return new ApiError(status(400, 'BadRequest', message));
  },
  methodNotAllowed(message = 'the server does not allow this method on the requested resource'): ApiError {
    return new ApiError(status(405, 'MethodNotAllowed', message, {}));
  },
  notAcceptable(message: string): ApiError {
    return new ApiError(status(406, 'NotAcceptable', message));
  },
  unsupportedMediaType(contentType: string): ApiError {
    return new ApiError(status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`, { kind: contentType }));
  },
  gone(message: string): ApiError {
    return new ApiError(status(410, 'Expired', message));
  },
  notFoundPath(): ApiError {
    return new ApiError(status(404, 'NotFound', 'the server could not find the requested resource', {}));
  },
  forbidden(target: Qualified, name: string, message: string): ApiError {
    const subject = name ? `${qualified(target)} "${name}"` : qualified(target);
    return new ApiError(status(403, 'Forbidden', `${subject} is forbidden: ${message}`, detailsFor(target, name)));
  },
  unauthorized(): ApiError {
    return new ApiError(status(401, 'Unauthorized', 'Unauthorized'));
  },
  tooManyRequests(message: string, retryAfterSeconds: number): ApiError {
    return new ApiError(status(429, 'TooManyRequests', message, { retryAfterSeconds }));
  },
  internal(message: string): ApiError {
    return new ApiError(status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }));
  },
  timeout(message: string, causes?: StatusCause[], retryAfterSeconds?: number): ApiError {
    const details: NonNullable<Status['details']> = {};
    if (causes) details.causes = causes;
    if (retryAfterSeconds !== undefined) details.retryAfterSeconds = retryAfterSeconds;
    return new ApiError(status(504, 'Timeout', `Timeout: ${message}`, details));
  },
};

export function successStatus(details?: Status['details']): Status {
  const result: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) result.details = details;
  return result;
}
