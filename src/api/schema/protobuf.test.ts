import { describe, expect, it } from 'vitest';
import { normalizeWithSchema } from './decode';
import { decodeProtobuf, ProtobufError, readEnvelope } from './protobuf';
import { schemaForKind } from './registry';

/** What `kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80` (v1.32) sends. */
const CREATE_DEPLOYMENT =
  'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50Er0BCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEosBCAMSDAoKCgNhcHASA3dlYhpxChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViElESMwoFbmdpbngSCm5naW54OjEuMjcqADIKCgAQABhQIgAqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAAoADgAGgAiAA==';
/** What `kubectl create secret generic s1 --from-literal=a=b` sends. */
const CREATE_SECRET = 'azhzAAoMCgJ2MRIGU2VjcmV0Eh4KEgoCczESABoAIgAqADIAOABCABIGCgFhEgFiGgAaACIA';

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function decode(base64: string): Record<string, unknown> {
  const envelope = readEnvelope(bytes(base64));
  const [group, version] = envelope.apiVersion.includes('/') ? envelope.apiVersion.split('/') : ['', envelope.apiVersion];
  const schema = schemaForKind(group, version, envelope.kind)!;
  return normalizeWithSchema(decodeProtobuf(envelope.raw, schema, envelope), schema);
}

describe('protobuf bodies', () => {
  it('decodes the Deployment kubectl create deployment sends, as the same JSON Go would write', () => {
    expect(decode(CREATE_DEPLOYMENT)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    });
  });

  it('decodes byte maps as base64', () => {
    expect(decode(CREATE_SECRET)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1', creationTimestamp: null }, data: { a: 'Yg==' } });
  });

  it('refuses a body without the k8s magic and a truncated one', () => {
    expect(() => readEnvelope(bytes('eyJraW5kIjoiUG9kIn0='))).toThrow(ProtobufError);
    const truncated = bytes(CREATE_DEPLOYMENT).subarray(0, 40);
    expect(() => {
      const envelope = readEnvelope(truncated);
      decodeProtobuf(envelope.raw, schemaForKind('apps', 'v1', 'Deployment')!, envelope);
    }).toThrow(ProtobufError);
  });
});
