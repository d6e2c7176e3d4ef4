// What the inspector lists of one node (its iptables-save, routes, ipvsadm): asked of the view
// shown once per view and node — never from inside a store selector, since on a small model
// asking builds the node's dataplane.

import { useMemo } from 'react';
import { useApp } from '../../store/react';
import type { NodeView } from '../../store/view';

export function useNodeView(node: string | undefined): NodeView | undefined {
  const shown = useApp((s) => s.shown);
  return useMemo(() => (node ? shown?.node(node) : undefined), [shown, node]);
}
