// ReferenceGrant (apis/v1beta1/referencegrant_types.go): a reference into another namespace is
// allowed only when a grant in the target namespace names the referrer's group/kind/namespace
// and the target's group/kind (and name, when the grant gives one).

import type { ReferenceGrant } from '../manifest/types';

export interface CrossRef {
  fromGroup: string;
  fromKind: string;
  fromNamespace: string;
  toGroup: string;
  toKind: string;
  toNamespace: string;
  toName: string;
}

export function refPermitted(grants: ReferenceGrant[], ref: CrossRef): boolean {
  if (ref.fromNamespace === ref.toNamespace) return true;
  return grants.some(
    (g) =>
      (g.metadata.namespace ?? 'default') === ref.toNamespace &&
      g.spec.from.some((f) => f.group === ref.fromGroup && f.kind === ref.fromKind && f.namespace === ref.fromNamespace) &&
      g.spec.to.some(
        (t) => t.group === ref.toGroup && t.kind === ref.toKind && (t.name === undefined || t.name === '' || t.name === ref.toName),
      ),
  );
}
