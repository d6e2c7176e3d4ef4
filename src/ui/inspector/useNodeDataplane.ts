// One node's dataplane for a panel: asked of the model shown, once per model and node
// (the model keeps what it built), never from inside a store selector.

import { useMemo } from 'react';
import type { NodeDataplane } from '../../model';
import { useApp } from '../../store/react';

export function useNodeDataplane(node: string | undefined): NodeDataplane | undefined {
  const shown = useApp((s) => s.shown);
  return useMemo(() => (node ? shown?.dataplane.node(node) : undefined), [shown, node]);
}
