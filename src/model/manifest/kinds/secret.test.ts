import { describe, expect, it } from 'vitest';
import { parseManifests } from '../parse';

const parse = (text: string) => parseManifests([{ name: 'in.yaml', text }]);

const secret = (body: string) => `apiVersion: v1
kind: Secret
metadata: {name: example-com, namespace: web}
${body}`;

describe('core/v1 Secret', () => {
  it('keeps its type and key names, never the values', () => {
    const { manifests, diagnostics } = parse(
      secret(`type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t
  tls.key: |
    LS0tLS1CRUdJTiBQUklW
    QVRFIEtFWS0tLS0t
stringData: {note: hello}
`),
    );
    expect(diagnostics).toEqual([]);
    expect(manifests[0].object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'example-com', namespace: 'web' },
      type: 'kubernetes.io/tls',
      dataKeys: ['tls.crt', 'tls.key', 'note'],
    });
    expect(JSON.stringify(manifests)).not.toContain('LS0t');
  });

  it('defaults the type to Opaque', () => {
    expect(parse(secret('data: {a: YQ==}\n')).manifests[0].object).toMatchObject({ type: 'Opaque', dataKeys: ['a'] });
  });

  it('refuses a TLS Secret without its key, a value that is not base64 and a bad key name', () => {
    const { manifests, diagnostics } = parse(
      secret(`type: kubernetes.io/tls
data:
  tls.crt: not base64!
  "bad key": YQ==
`),
    );
    expect(manifests).toEqual([]);
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.params.path}`)).toEqual([
      '5:1 secret.base64 data[tls.crt]',
      '5:1 secret.key data[bad key]',
      '5:1 field.required data[tls.key]',
    ]);
  });
});
