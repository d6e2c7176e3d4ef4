// What crosses between the derive worker and the page. An answer travels as one transferred
// ArrayBuffer (JSON bytes) beside a small header: the page reads the header, and decodes the
// body only if it is still the answer it waits for — a stale one costs it nothing.

import type { ClusterLayout } from '../layout/types';
import type { MigrationComparison, PacketSpec, Trace } from '../model';
import type { NodeView, SentView } from './view';

/** The worker's answer to a derive: the model's view, and unless the page keeps its picture, the walk drawn. */
export interface DerivedBody {
  view: SentView;
  /** The text lost objects while broken: the page keeps showing its last model, its walk and layout. */
  stale: boolean;
  spec: PacketSpec | null;
  trace: Trace | null;
  layout: ClusterLayout | null;
}

/** The worker's answer to a walk of another packet on the model it shows, or to other layers. */
export interface WalkedBody {
  trace: Trace | null;
  layout: ClusterLayout | null;
  /** Listings of the nodes this walk crossed. */
  nodes: Record<string, NodeView>;
}

/** The worker's answer to other layers on the model the page shows. */
export interface LaidOutBody {
  layout: ClusterLayout | null;
}

/** The worker's answer to a comparison: the packet walked through its model derived with other what-ifs. */
export interface ComparedBody {
  trace: Trace | null;
}

/** The worker's answer to the migration view: the comparison on the model it shows. */
export interface MigratedBody {
  migration: MigrationComparison | null;
}

type Body = DerivedBody | WalkedBody | LaidOutBody | ComparedBody | MigratedBody;

export function encode(body: Body): ArrayBuffer {
  return new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer;
}

export function decode<T extends Body>(bytes: ArrayBuffer): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
