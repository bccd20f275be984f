// How kubectl reports failures: a server Status as `Error from server (Reason): message`,
// invalid objects with each cause on its own line, unknown resources, usage errors with the
// `See 'kubectl X --help' for usage.` hint, and the exit code. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage).

import type { Status } from '../api/meta';
import { StatusError } from '../client/client';

/** A failure with a message printed as is (already starting with `error:` or not). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A usage error: printed with a pointer to the command's help. */
export class UsageError extends KubectlError {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

function invalidMessage(status: Status): string {
  const details = status.details;
  if (!details) return 'The request is invalid';
  let text = 'The request is invalid';
  if (details.kind || details.name) text = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
  const causes = details.causes ?? [];
  if (causes.length === 0) return text;
  const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  if (lines.length === 1) return `${text}: ${lines[0]}`;
  return `${text}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}

/** The text kubectl prints for a server Status. */
export function statusMessage(status: Status): string {
  if (status.reason === 'Invalid') return invalidMessage(status);
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message ?? 'Unauthorized'})`;
  if (status.reason) return `Error from server (${status.reason}): ${status.message ?? ''}`;
  return `Error from server: ${status.message ?? ''}`;
}

/**
 * Several errors reported as one (utilerrors.Aggregate): on lines of their own when it is all
 * there is to report, `[a, b]` when it is one item of a longer list.
 */
export class ErrorAggregate extends Error {
  constructor(readonly errors: readonly unknown[]) {
    super(errors.map((error) => (error instanceof Error ? error.message : String(error))).join(', '));
  }
}

/**
 * The errors of a command that acts on each object as the resource builder visits it (create,
 * apply, replace, delete): the actions' errors in order, then what the builder itself could
 * not map or parse, one error or an aggregate of several, as ContinueOnErrorVisitor appends
 * the visit's own error after those of its callback.
 */
export function visitErrors(actionErrors: readonly unknown[], builderErrors: readonly unknown[]): unknown[] {
  if (builderErrors.length < 2) return [...actionErrors, ...builderErrors];
  return [...actionErrors, new ErrorAggregate(builderErrors)];
}

function listItem(error: unknown): string {
  if (error instanceof ErrorAggregate) return `[${error.errors.map(listItem).join(', ')}]`;
  if (error instanceof StatusError) return error.status.reason === 'Invalid' ? `Error from server (Invalid): ${error.status.message ?? ''}` : statusMessage(error.status);
  return describeError(error).message.replace(/^error: /, '');
}

/**
 * What kubectl prints for errors collected while visiting objects (ContinueOnError): one error
 * as describeError says it; a list (an aggregate of several, or of one left after others were
 * filtered out) one per line, server errors as `Error from server (Reason): message` even when
 * invalid, others without the `error: ` prefix. Upstream: cmd/util/helpers.go (MultipleErrors).
 */
export function errorsMessage(errors: readonly unknown[], asList = errors.length > 1): string {
  if (errors.length === 1 && errors[0] instanceof ErrorAggregate) return errorsMessage(errors[0].errors, true);
  if (!asList) return errors.map((error) => describeError(error).message).join('\n');
  return errors.map(listItem).join('\n');
}

/** Prints the errors a command collected (as errorsMessage says them); returns its exit code. */
export function reportErrors(ctx: { stderr(text: string): void }, errors: readonly unknown[], asList = errors.length > 1): number {
  if (errors.length === 0) return 0;
  ctx.stderr(`${errorsMessage(errors, asList)}\n`);
  return 1;
}

/** The message and exit code for any error a command throws. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) {
    return { message: `error: ${error.message}\nSee 'kubectl ${error.command} -h' for help and examples`, exitCode: 1 };
  }
  if (error instanceof KubectlError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof StatusError) return { message: statusMessage(error.status), exitCode: 1 };
  const text = error instanceof Error ? error.message : String(error);
  return { message: text.startsWith('error: ') ? text : `error: ${text}`, exitCode: 1 };
}

/**
 * What kubectl's resource builder says when a list fails with BadRequest or NotFound
 * (EnhanceListError): which resource, and the selectors used.
 */
export function enhanceListError(error: unknown, type: { group: string; version: string; resource: string }, labelSelector: string, fieldSelector: string): unknown {
  if (!(error instanceof StatusError) || (error.code !== 400 && error.code !== 404)) return error;
  const subject = `${type.group}/${type.version}, Resource=${type.resource}`;
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list "${subject}": ${error.status.message ?? ''}`
      : `Unable to find "${subject}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${error.status.message ?? ''}`;
  return new StatusError({ ...error.status, message });
}

/**
 * Adds the context kubectl's resource builder gives errors about files (an invalid object's
 * message too, though kubectl shows it only in a list of errors: alone, its causes are printed).
 */
export function withFileContext(error: unknown, verb: string, source: string): unknown {
  if (error instanceof StatusError) {
    return new StatusError({ ...error.status, message: `error when ${verb} "${source}": ${error.status.message ?? ''}` });
  }
  if (error instanceof Error && !(error instanceof KubectlError)) return new KubectlError(`error: error when ${verb} "${source}": ${error.message}`);
  return error;
}
