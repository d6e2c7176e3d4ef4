// What a conversion gives back: the Gateway API objects, their YAML, and the notes that say what
// was made from what, what was left out and why (each at the Ingress it is about).

import type { Gateway, HTTPRoute } from '../manifest/types';

export type ConvertNoteKey =
  | `convert.made.${'gateway' | 'route' | 'defaultBackend' | 'httpsRedirect' | 'canary' | 'canaryHeader' | 'redirect' | 'rewrite'}`
  | `convert.skip.${'class' | 'protocol' | 'grpc' | 'portName'}`
  | `convert.annotation.${'unsupported' | 'notBuilt'}`
  | 'convert.tls.selfSigned'
  | `convert.canary.${'unsupported' | 'badWeight' | 'negativeWeight' | 'badTotal' | 'nonPositiveTotal' | 'capped' | 'twoCanaries' | 'twoMains' | 'noMain'}`
  | `convert.redirect.${'unsupported' | 'both' | 'badCode' | 'empty' | 'badUrl'}`
  | 'convert.regex.caseInsensitive'
  | `convert.rewrite.${'captureGroups' | 'literalDollar'}`
  | 'convert.urlNormalization';

export interface ConvertNote {
  /** info: what was made from what; warning: what behaves differently or was left out; error: what ingress2gateway would refuse. */
  severity: 'info' | 'warning' | 'error';
  key: ConvertNoteKey;
  params: Record<string, string | number>;
  /** The Ingress (or its field) the note is about; none for a note about the conversion as a whole. */
  file?: string;
  line?: number;
  col?: number;
}

export type ConvertedObject = Gateway | HTTPRoute;

export interface ConvertResult {
  /** Gateways, then HTTPRoutes, each sorted by namespace/name: the order `yaml` prints them in. */
  objects: ConvertedObject[];
  yaml: string;
  notes: ConvertNote[];
}
