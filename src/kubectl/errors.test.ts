import { describe, expect, it } from 'vitest';
import { StatusError } from '../client/client';
import { errorsMessage, KubectlError } from './errors';

const NOT_FOUND = new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 404, reason: 'NotFound', message: 'configmaps "a" not found' });
const INVALID = new StatusError({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  code: 422,
  reason: 'Invalid',
  message: 'error when replacing "b.yaml": ConfigMap "B" is invalid: metadata.name: Invalid value: "B"',
  details: { kind: 'ConfigMap', name: 'B', causes: [{ field: 'metadata.name', message: 'Invalid value: "B"' }] },
});
const MAPPING = new KubectlError('error: resource mapping not found for name: "w"');

describe('errorsMessage', () => {
  it('says one error as kubectl says any error', () => {
    expect(errorsMessage([MAPPING])).toBe('error: resource mapping not found for name: "w"');
    expect(errorsMessage([INVALID])).toBe('The ConfigMap "B" is invalid: metadata.name: Invalid value: "B"');
  });

  it('lists several one a line, invalid objects by their message and others without the error prefix', () => {
    expect(errorsMessage([NOT_FOUND, INVALID, MAPPING])).toBe(
      [
        'Error from server (NotFound): configmaps "a" not found',
        'Error from server (Invalid): error when replacing "b.yaml": ConfigMap "B" is invalid: metadata.name: Invalid value: "B"',
        'resource mapping not found for name: "w"',
      ].join('\n'),
    );
  });

  it('lists what is left of a list after others were forgiven', () => {
    expect(errorsMessage([MAPPING], true)).toBe('resource mapping not found for name: "w"');
  });
});
